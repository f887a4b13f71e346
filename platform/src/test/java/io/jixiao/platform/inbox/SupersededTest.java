package io.jixiao.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.jixiao.platform.events.EventEnvelope;

/** Which events of a poll a later one stands for ({@link InboundEvents#supersededBy}). */
class SupersededTest {

    static final Map<String, InboundEvents.Handler> HANDLERS = Map.of(
            "Sheet", new InboundEvents.Handler(1, e -> { }, true),
            "View", new InboundEvents.Handler(1, e -> { }, true),
            "Lock", new InboundEvents.Handler(1, e -> { }));

    static EventEnvelope event(String type, String department, int version) {
        return new EventEnvelope(UUID.randomUUID(), type, version, null, department, 2024, "test",
                JsonNodeFactory.instance.objectNode());
    }

    static int[] by(EventEnvelope... events) {
        return InboundEvents.supersededBy(new ArrayList<>(Arrays.asList(events)), HANDLERS);
    }

    @Test
    void aRunOfSnapshotsOfOneKeyStandsForItsLast() {
        assertArrayEquals(new int[] {2, 2, -1}, by(event("Sheet", "a", 1), event("Sheet", "a", 1), event("Sheet", "a", 1)));
    }

    @Test
    void anotherKeyOrAnotherSnapshotBetweenKeepsTheRunAnEventThatIsNoSnapshotEndsIt() {
        assertArrayEquals(new int[] {2, -1, -1, -1, -1},
                by(event("Sheet", "a", 1), event("Sheet", "b", 1), event("Sheet", "a", 1), event("Lock", "a", 1),
                        event("Sheet", "a", 1)));
        // two views of one key saved together (budget.events: 基本支出 and the figures of each save)
        assertArrayEquals(new int[] {2, 3, -1, -1},
                by(event("Sheet", "a", 1), event("View", "a", 1), event("Sheet", "a", 1), event("View", "a", 1)));
        assertArrayEquals(new int[] {-1, -1, -1, -1},
                by(event("Sheet", "a", 1), event("View", "a", 1), event("Lock", "a", 1), event("Sheet", "a", 1)));
    }

    @Test
    void typesThatAreNotSnapshotsUnknownTypesUnreadableMessagesAndUnknownVersionsAreNeverSkipped() {
        assertArrayEquals(new int[] {-1, -1}, by(event("Lock", "a", 1), event("Lock", "a", 1)));
        assertArrayEquals(new int[] {-1, -1}, by(event("Other", "a", 1), event("Other", "a", 1)));
        // a type this consumer ignores is no part of a run (budget.events: a save sends two types, one ignored here)
        assertArrayEquals(new int[] {2, -1, -1}, by(event("Sheet", "a", 1), event("Other", "a", 1), event("Sheet", "a", 1)));
        // a version this consumer cannot apply (parked) does not stand for the one before it, nor is it skipped
        assertArrayEquals(new int[] {-1, -1}, by(event("Sheet", "a", 1), event("Sheet", "a", 2)));
        assertArrayEquals(new int[] {-1, -1}, by(event("Sheet", "a", 2), event("Sheet", "a", 1)));
        assertArrayEquals(new int[] {-1, -1, -1}, by(event("Sheet", "a", 1), event("View", "a", 2), event("Sheet", "a", 1)));
        List<EventEnvelope> withUnreadable = new ArrayList<>(List.of(event("Sheet", "a", 1)));
        withUnreadable.add(null);
        withUnreadable.add(event("Sheet", "a", 1));
        assertArrayEquals(new int[] {2, -1, -1}, InboundEvents.supersededBy(withUnreadable, HANDLERS));
    }
}
