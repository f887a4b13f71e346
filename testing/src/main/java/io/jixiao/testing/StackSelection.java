package io.jixiao.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Which stack the tier-2 tests run on: PostgreSQL and Kafka in containers (Testcontainers) where a
 * container engine answers, the devstack's embedded launchers otherwise. {@code -Djixiao.test.stack=
 * containers|embedded} forces one; empty or {@code auto} decides by asking the engine. Pure: the engine
 * check is handed in, so every branch is unit tested without an engine.
 */
public final class StackSelection {

    public static final String PROPERTY = "jixiao.test.stack";

    public enum Stack {
        CONTAINERS, EMBEDDED
    }

    /** The stack and why, for the one log line per JVM. */
    public record Choice(Stack stack, String reason) {
    }

    private StackSelection() {
    }

    /**
     * @param forced the property's value (null, blank or "auto": decide)
     * @param engineReachable asked only when the choice depends on it (never for a forced embedded run)
     * @throws IllegalStateException containers forced where no engine answers, or an unknown value
     */
    public static Choice choose(String forced, BooleanSupplier engineReachable) {
        String value = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "embedded":
                return new Choice(Stack.EMBEDDED, PROPERTY + "=embedded");
            case "containers":
                if (!engineReachable.getAsBoolean()) {
                    // failing beats quietly testing something else than asked for
                    throw new IllegalStateException(PROPERTY + "=containers, but no container engine answers "
                            + "(DOCKER_HOST, /var/run/docker.sock or ~/.testcontainers.properties); start one, or run "
                            + "with " + PROPERTY + "=embedded (or without the property) to use the embedded launchers");
                }
                return new Choice(Stack.CONTAINERS, PROPERTY + "=containers");
            case "", "auto":
                return engineReachable.getAsBoolean()
                        ? new Choice(Stack.CONTAINERS, "a container engine answers")
                        : new Choice(Stack.EMBEDDED, "no container engine answers");
            default:
                throw new IllegalStateException(PROPERTY + "=" + forced + " is not one of containers, embedded, auto");
        }
    }
}
