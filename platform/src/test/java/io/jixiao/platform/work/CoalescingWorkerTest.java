package io.jixiao.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Wakes coalesce into passes that never overlap, and a wake during a pass is never lost. */
class CoalescingWorkerTest {

    @Test
    void wakesDuringAPassGiveOneMorePassAndPassesNeverOverlap() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CoalescingWorker worker = new CoalescingWorker("test-worker", Duration.ZERO, () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            passes.incrementAndGet();
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        });
        worker.wake();
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            worker.wake(); // while the first pass runs: they all join one next pass
        }
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (passes.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100); // room for a wrongly scheduled third pass to show
        assertEquals(2, passes.get(), "the first pass and one for the 100 wakes it did not see");
        assertEquals(0, overlaps.get());
        worker.stop();
    }

    @Test
    void aDelayGathersTheWakesThatFollowAndAStoppedWorkerRunsNothing() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CoalescingWorker worker = new CoalescingWorker("test-worker", Duration.ofSeconds(1), passes::incrementAndGet);
        for (int i = 0; i < 20; i++) {
            worker.wake();
            Thread.sleep(2);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (passes.get() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, passes.get(), "20 wakes within the second of delay: one pass");
        worker.stop();
        worker.wake();
        Thread.sleep(1_300); // past the delay: a pass scheduled despite the stop would have run
        assertEquals(1, passes.get(), "no pass after stop");
    }
}
