package io.jixiao.platform.work;

import static org.awaitility.Awaitility.await;
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
        await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 2);
        // the first pass and one for the 100 wakes it did not see; no wrongly scheduled third one
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> passes.get() == 2);
        assertEquals(0, overlaps.get());
        worker.stop();
    }

    @Test
    void aDelayGathersTheWakesThatFollowAndAStoppedWorkerRunsNothing() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CoalescingWorker worker = new CoalescingWorker("test-worker", Duration.ofSeconds(1), passes::incrementAndGet);
        for (int i = 0; i < 20; i++) {
            worker.wake();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 1);
        assertEquals(1, passes.get(), "20 wakes within the second of delay: one pass");
        worker.stop();
        worker.wake();
        // past the delay: a pass scheduled despite the stop would have run
        await().during(Duration.ofMillis(1_300)).atMost(Duration.ofSeconds(3)).until(() -> passes.get() == 1);
    }
}
