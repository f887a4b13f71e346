package io.jixiao.budget.rest;

import org.junit.jupiter.api.Test;

import io.jixiao.budget.SmallLimits;
import io.jixiao.testing.FreshStack;
import io.jixiao.testing.Tier2;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Under the SmallLimits profile (no restart of its own: it runs with RateLimitTest and ImportLimitsTest): the
 * database and broker the default profile used are fresh again. Whichever of the pair runs second fails if they
 * are not.
 */
@Tier2
@QuarkusTest
@TestProfile(SmallLimits.class)
class FreshStackAfterRestartTest {

    @Test
    void theOtherProfileLeftNothing() throws Exception {
        FreshStack.checkThenMark("small-limits", "default");
    }
}
