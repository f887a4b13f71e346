package io.jixiao.budget;

import io.jixiao.testing.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.jixiao.testing.Tier2;

/** Every @QuarkusTest of this module runs on one real PostgreSQL + Kafka (see StackTestResource). */
@QuarkusTestResource(value = StackTestResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "database", value = "budget"))
public class BudgetStack {
}
