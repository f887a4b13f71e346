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

/** Which events of a poll another one stands for ({@link InboundEvents#supersededBy}). */
class SupersededTest {

    static final Map<String, InboundEvents.Handler> HANDLERS = Map.of(
            "Sheet", new InboundEvents.Handler(1, e -> { }, e -> e.payload().get("revision").asLong()),
            "View", new InboundEvents.Handler(1, e -> { }, e -> e.payload().get("revision").asLong()),
            "Lock", new InboundEvents.Handler(1, e -> { }));

    static EventEnvelope event(String type, String department, long revision) {
        return event(type, department, 1, revision);
    }

    static EventEnvelope event(String type, String department, int version, long revision) {
        return new EventEnvelope(UUID.randomUUID(), type, version, null, department, 2024, "test",
                JsonNodeFactory.instance.objectNode().put("revision", revision));
    }

    static int[] by(EventEnvelope... events) {
        return InboundEvents.supersededBy(new ArrayList<>(Arrays.asList(events)), HANDLERS);
    }

    @Test
    void theNewestOfARunStandsForTheOthersWhereverItIs() {
        assertArrayEquals(new int[] {2, 2, -1}, by(event("Sheet", "a", 1), event("Sheet", "a", 2), event("Sheet", "a", 3)));
        // an older state arriving late (applied in turn, it would be ignored)
        assertArrayEquals(new int[] {-1, 0}, by(event("Sheet", "a", 5), event("Sheet", "a", 4)));
        // the same revision twice (one event delivered twice): the first, as applying in turn would keep it
        assertArrayEquals(new int[] {-1, 0}, by(event("Sheet", "a", 5), event("Sheet", "a", 5)));
    }

    @Test
    void anotherKeyOrAnotherSnapshotBetweenKeepsTheRunAnEventThatIsNoSnapshotEndsIt() {
        assertArrayEquals(new int[] {2, -1, -1, -1, -1},
                by(event("Sheet", "a", 1), event("Sheet", "b", 1), event("Sheet", "a", 2), event("Lock", "a", 0),
                        event("Sheet", "a", 3)));
        // two views of one key saved together (budget.events: 基本支出 and the figures of each save)
        assertArrayEquals(new int[] {2, 3, -1, -1},
                by(event("Sheet", "a", 1), event("View", "a", 1), event("Sheet", "a", 2), event("View", "a", 2)));
        assertArrayEquals(new int[] {-1, -1, -1, -1},
                by(event("Sheet", "a", 1), event("View", "a", 1), event("Lock", "a", 0), event("Sheet", "a", 2)));
    }

    @Test
    void typesThatAreNotSnapshotsUnknownTypesUnreadableMessagesAndUnknownVersionsAreNeverSkipped() {
        assertArrayEquals(new int[] {-1, -1}, by(event("Lock", "a", 1), event("Lock", "a", 2)));
        assertArrayEquals(new int[] {-1, -1}, by(event("Other", "a", 1), event("Other", "a", 2)));
        // a type this consumer ignores is no part of a run
        assertArrayEquals(new int[] {2, -1, -1}, by(event("Sheet", "a", 1), event("Other", "a", 2), event("Sheet", "a", 3)));
        // a version this consumer cannot apply (parked) stands for nothing and ends the run
        assertArrayEquals(new int[] {-1, -1}, by(event("Sheet", "a", 1, 1), event("Sheet", "a", 2, 2)));
        assertArrayEquals(new int[] {-1, -1}, by(event("Sheet", "a", 2, 2), event("Sheet", "a", 1, 1)));
        assertArrayEquals(new int[] {-1, -1, -1}, by(event("Sheet", "a", 1, 1), event("View", "a", 2, 2), event("Sheet", "a", 1, 3)));
        // nor does a snapshot without a readable revision (its effect will fail and park it)
        EventEnvelope noRevision = new EventEnvelope(UUID.randomUUID(), "Sheet", 1, null, "a", 2024, "test",
                JsonNodeFactory.instance.objectNode());
        assertArrayEquals(new int[] {-1, -1, -1}, by(event("Sheet", "a", 1), noRevision, event("Sheet", "a", 2)));
        List<EventEnvelope> withUnreadable = new ArrayList<>(List.of(event("Sheet", "a", 1)));
        withUnreadable.add(null);
        withUnreadable.add(event("Sheet", "a", 2));
        assertArrayEquals(new int[] {2, -1, -1}, InboundEvents.supersededBy(withUnreadable, HANDLERS));
    }
}
