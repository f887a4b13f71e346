package io.jixiao.report.checker;

import java.time.Duration;

/**
 * The time a check may take. The checker asks it between paragraphs and inside long loops; once it
 * has passed the check stops with {@link TooComplex} instead of burning a core for a client that has
 * long given up.
 */
public final class CheckDeadline {

    /** Thrown when the deadline has passed; the caller answers "document too complex". */
    public static final class TooComplex extends RuntimeException {
        TooComplex() {
            super("document too complex for the check's time budget", null, false, false);
        }
    }

    private static final CheckDeadline NONE = new CheckDeadline(Long.MAX_VALUE);

    private final long endNanos;

    private CheckDeadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static CheckDeadline none() {
        return NONE;
    }

    public static CheckDeadline after(Duration budget) {
        return new CheckDeadline(System.nanoTime() + budget.toNanos());
    }

    public void check() {
        if (endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0) {
            throw new TooComplex();
        }
    }
}
