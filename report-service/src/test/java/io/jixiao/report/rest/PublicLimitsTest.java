package io.jixiao.report.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which address a public request is counted by: the proxy's appended entry, never one a client wrote. */
class PublicLimitsTest {

    @Test
    void behindTheProxyTheLastForwardedEntryCounts() {
        assertEquals("203.0.113.7", PublicLimits.clientAddress("127.0.0.1", "203.0.113.7", List.of()));
        // a client's own X-Forwarded-For comes first; the proxy appends the real address last
        assertEquals("203.0.113.7", PublicLimits.clientAddress("127.0.0.1", "1.2.3.4, 5.6.7.8,203.0.113.7", List.of()));
        assertEquals("203.0.113.7", PublicLimits.clientAddress("10.0.0.5", "9.9.9.9, 203.0.113.7", List.of("10.0.0.5")));
        assertEquals("127.0.0.1", PublicLimits.clientAddress("127.0.0.1", null, List.of()));
        // a cluster's web pods, trusted as a range
        assertEquals("203.0.113.7", PublicLimits.clientAddress("10.42.3.17", "203.0.113.7", List.of("10.42.0.0/16")));
        assertEquals("10.43.3.17", PublicLimits.clientAddress("10.43.3.17", "203.0.113.7", List.of("10.42.0.0/16")));
    }

    @Test
    void aDirectCallerCannotChooseItsBucket() {
        assertEquals("198.51.100.2", PublicLimits.clientAddress("198.51.100.2", "9.9.9.9", List.of("10.0.0.5")));
        assertEquals("unknown", PublicLimits.clientAddress(null, "9.9.9.9", List.of()));
    }
}
