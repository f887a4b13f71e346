package io.jixiao.platform.housekeeping;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long the platform keeps its bookkeeping rows. The audit trail and the change feed are not here:
 * they are the record of who changed what and what the bureau pulled, and are kept for good.
 */
@ConfigMapping(prefix = "jixiao.housekeeping")
public interface HousekeepingConfig {

    /**
     * Processed event ids (inbox_event). Must exceed the topics' retention for strict de-duplication of
     * a redelivery; past it, consumers still refuse an older revision over a newer one.
     */
    @WithDefault("P30D")
    Duration inbox();

    /** Parked inbound events an admin has not replayed (they stay on the topic within its retention). */
    @WithDefault("P90D")
    Duration parked();

    /** The log of reads by machine clients (finance-api). */
    @WithDefault("P400D")
    Duration machineReads();

    /** Rows deleted per statement, so a purge never holds long locks. */
    @WithDefault("10000")
    int batchSize();
}
