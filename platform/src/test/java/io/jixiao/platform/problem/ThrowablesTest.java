package io.jixiao.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import io.jixiao.platform.inbox.InboundEvents;
import jakarta.transaction.HeuristicMixedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

class ThrowablesTest {

    /**
     * What a commit on a connection PostgreSQL just closed looks like: Narayana throws a
     * HeuristicMixedException without a cause and keeps the resource's XAException (whose cause is
     * the driver's SQLException) as suppressed; Quarkus's interceptor wraps it once more.
     */
    private static RuntimeException deadConnectionCommit() {
        XAException xa = new XAException(XAException.XAER_RMFAIL);
        xa.initCause(new SQLException("This connection has been closed.", "08003"));
        HeuristicMixedException mixed = new HeuristicMixedException();
        mixed.addSuppressed(xa);
        return new RuntimeException("commit failed", mixed);
    }

    @Test
    void aCommitThatMetADeadConnectionIsTransient() {
        assertTrue(InboundEvents.isTransient(deadConnectionCommit()));
    }

    @Test
    void aCommitThatMetADeadConnectionIsA503NotA500() {
        Response r = new ProblemMappers().unexpected(deadConnectionCommit(), english(), null);
        assertEquals(503, r.getStatus());
        assertEquals("2", r.getHeaderString("Retry-After"));
        assertEquals("database.unavailable", ((Problem) r.getEntity()).code());
    }

    @Test
    void anUnknownFailureStaysA500() {
        RuntimeException e = new RuntimeException("bug", new IllegalStateException("no"));
        e.addSuppressed(new SQLException("syntax", "42601"));
        assertFalse(InboundEvents.isTransient(e));
        assertEquals(500, new ProblemMappers().unexpected(e, english(), null).getStatus());
    }

    @Test
    void theChainHoldsCausesAndSuppressedOnceEvenInACycle() {
        IllegalStateException inner = new IllegalStateException("inner");
        RuntimeException outer = new RuntimeException("outer", inner);
        IllegalArgumentException side = new IllegalArgumentException("side");
        inner.addSuppressed(side);
        side.addSuppressed(outer); // a cycle through suppressed
        assertEquals(List.of(outer, inner, side), Throwables.chain(outer));
        assertEquals(side, Throwables.find(outer, IllegalArgumentException.class).orElseThrow());
        assertTrue(Throwables.find(outer, SQLException.class).isEmpty());
    }

    private static HttpHeaders english() {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] { HttpHeaders.class },
                (proxy, method, args) -> method.getName().equals("getAcceptableLanguages") ? List.of(Locale.ENGLISH) : null);
    }
}
