package io.jixiao.budget.imports;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;

/**
 * The import queue, fair between departments: a department's imports run one after the other (at
 * most one running and {@code perDepartment} waiting), departments with waiting imports take turns,
 * and the whole queue is bounded in imports and in bytes of uploaded files on disk. A place is
 * reserved before the upload is copied, so a refused upload never touches the disk.
 */
public final class ImportQueue {

    /** Refused because the queue is full; the caller may retry after the given seconds. */
    public static final class Full extends ProblemException {
        private final int retryAfterSeconds;

        Full(String code, int retryAfterSeconds) {
            super(503, code, List.of(new FieldError("file", code + ".short")));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A reserved place: the department and the bytes its file will take on disk. */
    static final class Ticket {
        final String department;
        final long bytes;
        Runnable work;

        Ticket(String department, long bytes) {
            this.department = department;
            this.bytes = bytes;
        }
    }

    private final int perDepartment;
    private final int maxWaiting;
    private final long maxBytes;
    private final int retryAfterSeconds;

    private final Map<String, ArrayDeque<Ticket>> queued = new HashMap<>();
    private final Map<String, Integer> waitingOf = new HashMap<>(); // reserved or queued, not running
    private final ArrayDeque<String> turns = new ArrayDeque<>(); // departments with queued work, next first
    private final Set<String> running = new HashSet<>();
    private int waiting;
    private long bytes;

    ImportQueue(int perDepartment, int maxWaiting, long maxBytes, int retryAfterSeconds) {
        this.perDepartment = perDepartment;
        this.maxWaiting = maxWaiting;
        this.maxBytes = maxBytes;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A place for the department's next import, or 409 / 503 problems. */
    synchronized Ticket reserve(String department, long fileBytes) {
        if (waitingOf.getOrDefault(department, 0) >= perDepartment) {
            throw new ProblemException(409, "import.department-busy",
                    List.of(new FieldError("file", "import.department-busy.short")));
        }
        if (waiting >= maxWaiting) {
            throw new Full("import.queue-full", retryAfterSeconds);
        }
        if (bytes + fileBytes > maxBytes) {
            throw new Full("import.disk-full", retryAfterSeconds);
        }
        waitingOf.merge(department, 1, Integer::sum);
        waiting++;
        bytes += fileBytes;
        return new Ticket(department, fileBytes);
    }

    /** The reserved import is ready to run. */
    synchronized void enqueue(Ticket ticket, Runnable work) {
        ticket.work = work;
        ArrayDeque<Ticket> q = queued.computeIfAbsent(ticket.department, d -> new ArrayDeque<>());
        if (q.isEmpty()) {
            turns.addLast(ticket.department);
        }
        q.addLast(ticket);
        notifyAll();
    }

    /** Gives the place back (the upload failed before it was queued). */
    synchronized void cancel(Ticket ticket) {
        release(ticket.department);
        bytes -= ticket.bytes;
    }

    /**
     * The next import to run: from the first department in turn that has none running; that
     * department goes to the back of the line.
     */
    synchronized Ticket take() throws InterruptedException {
        while (true) {
            for (int i = 0, n = turns.size(); i < n; i++) {
                String department = turns.pollFirst();
                if (running.contains(department)) {
                    turns.addLast(department);
                    continue;
                }
                ArrayDeque<Ticket> q = queued.get(department);
                Ticket next = q.pollFirst();
                if (q.isEmpty()) {
                    queued.remove(department);
                } else {
                    turns.addLast(department);
                }
                running.add(department);
                release(department);
                return next;
            }
            wait();
        }
    }

    /** The import has ended and its file is deleted. */
    synchronized void finished(Ticket ticket) {
        running.remove(ticket.department);
        bytes -= ticket.bytes;
        notifyAll();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int waiting() {
        return waiting;
    }

    private void release(String department) {
        waitingOf.computeIfPresent(department, (d, n) -> n <= 1 ? null : n - 1);
        waiting--;
    }
}
