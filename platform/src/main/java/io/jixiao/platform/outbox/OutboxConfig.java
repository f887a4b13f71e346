package io.jixiao.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jixiao.outbox")
public interface OutboxConfig {

    /** The producer's topic (one per producing service, e.g. budget.events). */
    String topic();

    /**
     * How often the relay looks for unpublished events when nothing woke it. A commit that writes an
     * event wakes the relay at once; the poll is only the fallback (another instance's commit, a retry).
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Events published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long one send may wait for the broker before the relay gives up and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Published rows older than this are deleted by the relay's housekeeping. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * The largest envelope (UTF-8 bytes) a service may write into the outbox. Kept well below the
     * broker's message.max.bytes (1 MiB by default) so an event the broker would refuse is refused
     * with the user's write instead of blocking the stream later.
     */
    @WithDefault("921600")
    int maxEventBytes();
}
