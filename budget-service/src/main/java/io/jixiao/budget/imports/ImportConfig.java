package io.jixiao.budget.imports;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and resources of Excel/CSV imports (env JIXIAO_IMPORT_MAX_BYTES etc.). */
@ConfigMapping(prefix = "jixiao.import")
public interface ImportConfig {

    /** Largest file accepted (bytes); larger uploads get 413. Default 20 MB. */
    @WithDefault("20971520")
    long maxBytes();

    /** Data rows per sheet. */
    @WithDefault("200000")
    int maxRows();

    /** Errors kept and shown per job (all are counted). */
    @WithDefault("500")
    int keptErrors();

    /**
     * Imports run at once, each of a different department (one department's imports run one after
     * the other); waiting departments take turns.
     */
    @WithDefault("2")
    int workers();

    /** Imports of one department that may wait behind its running one; one more gets 409. */
    @WithDefault("1")
    int maxWaitingPerDepartment();

    /** Imports that may wait in all; one more gets 503 with Retry-After. */
    @WithDefault("20")
    int maxWaiting();

    /** Bytes of uploaded files kept in workDir for waiting and running imports; an upload over it gets 503. Default 256 MB. */
    @WithDefault("268435456")
    long maxQueuedBytes();

    /** Retry-After (seconds) of the 503 when the queue or its disk budget is full. */
    @WithDefault("30")
    int retryAfterSeconds();

    /** Where uploaded files wait for their job (default: a folder in java.io.tmpdir). */
    Optional<String> workDir();

    /** Upper bound of the one transaction that saves an import. */
    @WithDefault("600")
    int saveTimeoutSeconds();

    /** A running job whose process stopped updating it for this long is marked INTERRUPTED. */
    @WithDefault("120")
    int heartbeatTimeoutSeconds();
}
