package io.jixiao.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** Prefer: wait=N as clients write it, and the cache's wake-up of waiting reads. */
class LongPollTest {

    @Test
    void theWaitIsReadFromPreferAndCapped() {
        assertEquals(10, LongPoll.requestedWait(List.of("wait=10")));
        assertEquals(5, LongPoll.requestedWait(List.of("respond-async, Wait = 5")));
        assertEquals(7, LongPoll.requestedWait(List.of("return=minimal", "wait=\"7\"; foo=bar")));
        assertEquals(LongPoll.MAX_WAIT_SECONDS, LongPoll.requestedWait(List.of("wait=3600")));
        assertEquals(LongPoll.MAX_WAIT_SECONDS, LongPoll.requestedWait(List.of("wait=99999999999999999999")));
        for (String noWait : new String[] { "wait=-1", "wait=abc", "wait=", "wait=1.5", "return=minimal", "waiting=3" }) {
            assertEquals(0, LongPoll.requestedWait(List.of(noWait)), noWait);
        }
        assertEquals(0, LongPoll.requestedWait(null));
        assertEquals(0, LongPoll.requestedWait(List.of()));
    }

    @Test
    void aChangeWakesEveryWaiterOfItsRegionOnly() {
        DocumentCache c = DocumentCacheTest.listening();
        String other = DocumentCache.region("sheet_document", 2023, "d2");
        CompletableFuture<Void> first = c.nextChange(DocumentCacheTest.R);
        CompletableFuture<Void> second = c.nextChange(DocumentCacheTest.R);
        CompletableFuture<Void> elsewhere = c.nextChange(other);
        assertTrue(c.isWaitedFor(DocumentCacheTest.R));

        c.invalidate(DocumentCacheTest.R);
        assertTrue(first.isDone() && second.isDone());
        assertFalse(elsewhere.isDone());
        assertFalse(c.isWaitedFor(DocumentCacheTest.R), "a new wait waits for the next change, not the last one");
        assertFalse(c.nextChange(DocumentCacheTest.R).isDone());
    }

    @Test
    void oneWaiterGivingUpLeavesTheOthersWaiting() {
        DocumentCache c = DocumentCacheTest.listening();
        CompletableFuture<Void> givesUp = c.nextChange(DocumentCacheTest.R);
        CompletableFuture<Void> stays = c.nextChange(DocumentCacheTest.R);
        givesUp.cancel(true); // what a timed-out wait does
        assertFalse(stays.isDone());
        CompletableFuture<Void> later = c.nextChange(DocumentCacheTest.R);
        assertFalse(later.isDone(), "a later waiter is not handed a cancelled wait");
        c.invalidate(DocumentCacheTest.R);
        assertTrue(stays.isDone() && !stays.isCompletedExceptionally());
        assertTrue(later.isDone() && !later.isCompletedExceptionally());
    }

    @Test
    void losingTheListenerWakesEveryWaiterAndStopsWaits() {
        DocumentCache c = DocumentCacheTest.listening();
        CompletableFuture<Void> waiting = c.nextChange(DocumentCacheTest.R);
        assertTrue(c.hearsChanges());
        c.trust(false); // the database connection of the listener is gone: no change would be heard
        assertTrue(waiting.isDone());
        assertFalse(c.hearsChanges());
        assertFalse(new DocumentCache(false, 1_000).hearsChanges(), "a disabled cache hears nothing");
    }
}
