package io.jixiao.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The cache's rules without a database: when an entry may be kept, and when it must be dropped. */
class DocumentCacheTest {

    static final String R = DocumentCache.region("sheet_document", 2023, "d1");

    static DocumentCache listening() {
        DocumentCache c = new DocumentCache(true, 1_000_000);
        c.trust(true);
        return c;
    }

    @Test
    void aSecondReadIsServedFromMemoryUntilTheRegionIsInvalidated() {
        DocumentCache c = listening();
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            c.get(R, "zh", () -> new DocumentCache.Entry("\"a" + loads.incrementAndGet() + "\"", "{}"));
        }
        assertEquals(1, loads.get());
        c.invalidate(R);
        assertEquals("\"a2\"", c.get(R, "zh", () -> new DocumentCache.Entry("\"a" + loads.incrementAndGet() + "\"", "{}")).etag());
    }

    @Test
    void variantsOfARegionGoTogether() {
        DocumentCache c = listening();
        c.get(R, "zh", () -> new DocumentCache.Entry("\"zh\"", "{}"));
        c.get(R, "en", () -> new DocumentCache.Entry("\"en\"", "{}"));
        c.get(DocumentCache.region("sheet_document", 2023, "d2"), "zh", () -> new DocumentCache.Entry("\"other\"", "{}"));
        c.invalidate(R);
        assertEquals(1, c.size());
    }

    @Test
    void aLoadThatRacedWithAnInvalidationIsNotKept() {
        DocumentCache c = listening();
        // the copy was read before a commit whose notification arrived while it was being loaded
        c.get(R, "zh", () -> {
            c.invalidate(R);
            return new DocumentCache.Entry("\"old\"", "{}");
        });
        assertEquals(0, c.size());
        assertEquals("\"new\"", c.get(R, "zh", () -> new DocumentCache.Entry("\"new\"", "{}")).etag());
    }

    @Test
    void withoutTheListenerEveryReadGoesToTheDatabase() {
        DocumentCache c = new DocumentCache(true, 1_000_000); // not yet listening
        AtomicInteger loads = new AtomicInteger();
        c.get(R, "zh", () -> new DocumentCache.Entry("\"" + loads.incrementAndGet() + "\"", "{}"));
        c.get(R, "zh", () -> new DocumentCache.Entry("\"" + loads.incrementAndGet() + "\"", "{}"));
        assertEquals(2, loads.get());

        c.trust(true);
        c.get(R, "zh", () -> new DocumentCache.Entry("\"x\"", "{}"));
        assertEquals(1, c.size());
        c.trust(false); // the listener lost the database: it may miss changes, so nothing is kept
        assertEquals(0, c.size());
    }

    @Test
    void nothingStoredIsNotCachedAndSwitchedOffIsAlwaysALoad() {
        DocumentCache c = listening();
        assertNull(c.get(R, "zh", () -> null));
        assertEquals(0, c.size());

        DocumentCache off = new DocumentCache(false, 1_000_000);
        off.trust(true);
        off.get(R, "zh", () -> new DocumentCache.Entry("\"x\"", "{}"));
        assertEquals(0, off.size());
    }

    @Test
    void theBoundIsKept() {
        DocumentCache c = listening();
        String body = "x".repeat(10_000); // under 1/16 of the bound each
        for (int i = 0; i < 500; i++) {
            c.get(DocumentCache.region("sheet_document", 2023, "d" + i), "", () -> new DocumentCache.Entry("\"e\"", body));
        }
        long held = (long) c.size() * (body.length() + 3);
        assertEquals(true, held <= 1_000_000, held + " characters held over a bound of 1,000,000");
        // an answer over 1/16 of the bound is served but never kept
        c.get(R, "big", () -> new DocumentCache.Entry("\"big\"", "y".repeat(100_000)));
        assertNull(c.get(R, "big", () -> null));
    }
}
