package io.jixiao.budget.rest;

import org.junit.jupiter.api.Test;

import io.jixiao.testing.FreshStack;
import io.jixiao.testing.Tier2;
import io.quarkus.test.junit.QuarkusTest;

/** Under the default profile: nothing of the SmallLimits profile's run is left (see FreshStackAfterRestartTest). */
@Tier2
@QuarkusTest
class FreshStackTest {

    @Test
    void theOtherProfileLeftNothing() throws Exception {
        FreshStack.checkThenMark("default", "small-limits");
    }
}
