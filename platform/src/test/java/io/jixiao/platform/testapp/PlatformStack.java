package io.jixiao.platform.testapp;

import io.jixiao.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.jixiao.testing.Tier2;

/** The platform's own test app runs on a real PostgreSQL + Kafka, as the services' tests do. */
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
public class PlatformStack {
}
