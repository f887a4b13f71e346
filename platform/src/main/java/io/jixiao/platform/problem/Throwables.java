package io.jixiao.platform.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks what a failure carries: its causes and its suppressed exceptions. The transaction manager
 * (Narayana) reports a commit that failed on a dead connection as a HeuristicMixedException or a
 * RollbackException with no cause: the XAException and the SQLException behind it are suppressed.
 * Classifying on the cause chain alone made such a commit a 500 instead of a 503.
 */
public final class Throwables {

    private Throwables() {
    }

    /** The failure, then depth-first its cause and its suppressed exceptions, each once. */
    public static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        walk(e, out, seen);
        return out;
    }

    /** The first throwable of the chain that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        return chain(e).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static void walk(Throwable t, List<Throwable> out, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        out.add(t);
        walk(t.getCause(), out, seen);
        for (Throwable s : t.getSuppressed()) {
            walk(s, out, seen);
        }
    }
}
