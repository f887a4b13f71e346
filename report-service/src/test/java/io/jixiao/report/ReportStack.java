package io.jixiao.report;

import io.jixiao.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.jixiao.testing.Tier2;

/** Every @QuarkusTest of this module runs on one real PostgreSQL + Kafka (see StackTestResource). */
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
public class ReportStack {
}
