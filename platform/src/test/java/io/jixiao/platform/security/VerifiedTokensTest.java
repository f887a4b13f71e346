package io.jixiao.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @Test
    void aRememberedTokenIsFoundUntilItExpires() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, clock);
        tokens.remember("header.payload.sig", "zfw", NOW + 60);
        assertEquals("zfw", tokens.find("header.payload.sig"));
        clock.now = NOW + 59;
        assertEquals("zfw", tokens.find("header.payload.sig"));
        clock.now = NOW + 60; // exp is exclusive: at exp the token is no longer valid
        assertNull(tokens.find("header.payload.sig"));
        assertEquals(0, tokens.size());
    }

    @Test
    void anotherTokenOrOneDifferingInOneCharacterIsUnknown() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, at(NOW));
        tokens.remember("header.payload.sig", "zfw", NOW + 60);
        assertNull(tokens.find("header.payload.sih"));
        assertNull(tokens.find("header.payload.si"));
    }

    @Test
    void anExpiredOrExpiringTokenIsNotRemembered() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, at(NOW));
        tokens.remember("a", "x", NOW);
        tokens.remember("b", "x", NOW - 1);
        tokens.remember("c", "x", 0);
        assertEquals(0, tokens.size());
    }

    @Test
    void aLongLivedTokenIsKeptAtMostFiveMinutesBeforeItIsVerifiedAgain() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens<String> tokens = new VerifiedTokens<>(10, clock);
        tokens.remember("t", "x", NOW + 86_400);
        clock.now = NOW + VerifiedTokens.MAX_TTL_SECONDS - 1;
        assertEquals("x", tokens.find("t"));
        clock.now = NOW + VerifiedTokens.MAX_TTL_SECONDS;
        assertNull(tokens.find("t"));
    }

    @Test
    void theMapStaysWithinItsBoundDroppingExpiredEntriesFirst() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens<String> tokens = new VerifiedTokens<>(3, clock);
        tokens.remember("old", "x", NOW + 1);
        tokens.remember("b", "x", NOW + 100);
        tokens.remember("c", "x", NOW + 100);
        clock.now = NOW + 2; // "old" has expired
        tokens.remember("d", "x", NOW + 100);
        assertEquals(3, tokens.size());
        assertEquals("x", tokens.find("b"));
        tokens.remember("e", "x", NOW + 100); // full of live entries: start over
        assertTrue(tokens.size() <= 3);
        assertEquals("x", tokens.find("e"));
    }

    @Test
    void theKeyIsAHashNotTheToken() {
        String key = VerifiedTokens.key("header.payload.sig");
        assertNotEquals("header.payload.sig", key);
        assertEquals(44, key.length()); // base64 of 32 bytes
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        long now;

        MutableClock(long now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(now);
        }
    }
}
