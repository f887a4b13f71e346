package io.jixiao.report.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RenderCacheTest {

    @Test
    void anUnchangedReportIsRenderedOnce() {
        RenderCache cache = new RenderCache(1000);
        AtomicInteger renders = new AtomicInteger();
        byte[] first = cache.get("docx:a", () -> new byte[] { (byte) renders.incrementAndGet() });
        byte[] second = cache.get("docx:a", () -> new byte[] { (byte) renders.incrementAndGet() });
        assertArrayEquals(first, second);
        assertEquals(1, renders.get());
        // another digest (the report changed) renders again
        cache.get("docx:b", () -> new byte[] { (byte) renders.incrementAndGet() });
        assertEquals(2, renders.get());
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenTheBytesRunOut() {
        RenderCache cache = new RenderCache(800); // files of at most 100 bytes are kept, 800 in all
        for (int i = 0; i < 8; i++) {
            cache.get("k" + i, () -> new byte[100]);
        }
        cache.get("k0", () -> { throw new AssertionError("k0 is still cached"); }); // k0 now most recent
        cache.get("k8", () -> new byte[100]); // pushes out k1, the least recently used
        assertEquals(8, cache.size());
        AtomicInteger renders = new AtomicInteger();
        cache.get("k0", () -> new byte[renders.incrementAndGet()]);
        cache.get("k1", () -> new byte[renders.incrementAndGet()]);
        assertEquals(1, renders.get(), "k0 kept, k1 rendered again");
    }

    @Test
    void aFileOverAnEighthOfTheSpaceOrAZeroBudgetIsNeverKept() {
        RenderCache cache = new RenderCache(800);
        cache.get("big", () -> new byte[101]);
        assertEquals(0, cache.size());
        RenderCache off = new RenderCache(0);
        off.get("small", () -> new byte[1]);
        assertEquals(0, off.size());
    }
}
