package io.jixiao.platform.work;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread that runs a pass when asked: requests made while a pass is queued join it, and
 * passes never overlap. The outbox relay and the summary refresher wake one after each commit that
 * gave them work, so a burst of commits costs one pass.
 */
public final class CoalescingWorker {

    private final Runnable pass;
    private final Duration delay;
    private final ScheduledExecutorService runner;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopped;

    /** @param delay how long a request waits before its pass, gathering the requests that follow it */
    public CoalescingWorker(String threadName, Duration delay, Runnable pass) {
        this.pass = pass;
        this.delay = delay;
        this.runner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a pass. Cheap and safe from any thread. */
    public void wake() {
        if (!stopped && queued.compareAndSet(false, true)) {
            runner.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run() {
        queued.set(false); // a request from here on queues the next pass: nothing it brings is missed
        pass.run();
    }

    public boolean stopped() {
        return stopped;
    }

    /** No new passes; waits up to 5 s for the running one. */
    public void stop() {
        stopped = true;
        runner.shutdown();
        try {
            runner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
