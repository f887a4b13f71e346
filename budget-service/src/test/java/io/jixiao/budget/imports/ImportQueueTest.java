package io.jixiao.budget.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.problem.ProblemException;

/** The import queue's rules, without a database (pure logic). */
class ImportQueueTest {

    static ImportQueue.Ticket add(ImportQueue q, String department, String name, List<String> ran) {
        ImportQueue.Ticket t = q.reserve(department, 10);
        q.enqueue(t, () -> ran.add(name));
        return t;
    }

    /** One worker: departments take turns instead of the first department's three files running first. */
    @Test
    void departmentsTakeTurns() throws Exception {
        ImportQueue q = new ImportQueue(3, 20, 1000, 30);
        List<String> ran = new ArrayList<>();
        add(q, "A", "A1", ran);
        add(q, "A", "A2", ran);
        add(q, "A", "A3", ran);
        add(q, "B", "B1", ran);
        add(q, "C", "C1", ran);
        for (int i = 0; i < 5; i++) {
            ImportQueue.Ticket t = q.take();
            t.work.run();
            q.finished(t);
        }
        assertEquals(List.of("A1", "B1", "C1", "A2", "A3"), ran);
        assertEquals(0, q.bytes());
        assertEquals(0, q.waiting());
    }

    /** Two workers never run two imports of one department at once. */
    @Test
    void oneDepartmentRunsOneImportAtATime() throws Exception {
        ImportQueue q = new ImportQueue(3, 20, 1000, 30);
        List<String> ran = new ArrayList<>();
        add(q, "A", "A1", ran);
        add(q, "A", "A2", ran);
        add(q, "B", "B1", ran);
        ImportQueue.Ticket first = q.take();
        ImportQueue.Ticket second = q.take();
        first.work.run();
        second.work.run();
        assertEquals(List.of("A1", "B1"), ran);
        q.finished(first);
        q.take().work.run();
        assertEquals(List.of("A1", "B1", "A2"), ran);
    }

    @Test
    void oneRunningAndOneWaitingPerDepartmentThen409() throws Exception {
        ImportQueue q = new ImportQueue(1, 20, 1000, 30);
        List<String> ran = new ArrayList<>();
        add(q, "A", "A1", ran);
        q.take(); // A1 runs
        add(q, "A", "A2", ran); // waits
        ProblemException busy = assertThrows(ProblemException.class, () -> q.reserve("A", 10));
        assertEquals(409, busy.status());
        assertEquals("import.department-busy", busy.code());
        q.reserve("B", 10); // another department is not held up
    }

    @Test
    void theQueueAndItsBytesAreBoundedWith503() {
        ImportQueue q = new ImportQueue(5, 2, 100, 30);
        q.reserve("A", 10);
        ImportQueue.Ticket b = q.reserve("B", 10);
        ImportQueue.Full full = assertThrows(ImportQueue.Full.class, () -> q.reserve("C", 10));
        assertEquals(503, full.status());
        assertEquals("import.queue-full", full.code());
        assertEquals(30, full.retryAfterSeconds());
        q.cancel(b); // an upload that failed before it was queued gives its place back
        ImportQueue.Full disk = assertThrows(ImportQueue.Full.class, () -> q.reserve("C", 91));
        assertEquals("import.disk-full", disk.code());
        q.reserve("C", 90);
        assertEquals(100, q.bytes());
    }
}
