package io.jixiao.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Tier 2: a test that runs the service (@QuarkusTest) on a real PostgreSQL and Kafka broker
 * (StackTestResource). Untagged tests are tier 1 (pure logic, no process, seconds in all);
 * tier 3 is the end-to-end walk of deploy/local/test-all.sh on a started stack.
 * {@code mvn verify -DexcludedGroups=tier2} runs tier 1 alone; the test command runs both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Tier2.TAG)
public @interface Tier2 {
    String TAG = "tier2";
}
