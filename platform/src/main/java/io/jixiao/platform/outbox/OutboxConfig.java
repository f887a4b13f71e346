package io.jixiao.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jixiao.outbox")
public interface OutboxConfig {

    /** The producer's topic (one per producing service, e.g. budget.events). */
    String topic();

    /** How often the relay looks for unpublished events. */
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
}
