package io.jixiao.platform.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The API conventions every service applies to /api/v1 (README, "API for the bureau"). */
@ConfigMapping(prefix = "jixiao.api")
public interface ApiConfig {

    RateLimit rateLimit();

    /**
     * The largest request body (bytes) of an API write; larger is refused with 413 before the body is
     * read. JSON bodies of this API are small (a whole year's goals are a few KB).
     */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Path patterns (regular expressions) that take uploads and apply their own, larger limit. */
    @WithDefault("^$")
    java.util.List<String> uploadPaths();

    DocumentCache documentCache();

    /** Materialised reads kept in memory ({@link io.jixiao.platform.api.DocumentCache}). */
    interface DocumentCache {
        /** Off: every read goes to the database (the answers are the same, only slower). */
        @WithDefault("true")
        boolean enabled();

        /** Upper bound of the cached bodies (UTF-8 bytes). */
        @WithDefault("33554432")
        long maxBytes();
    }

    interface RateLimit {
        /** Off only for load tests; on in every real deployment. */
        @WithDefault("true")
        boolean enabled();

        /** Machine clients (role finance-api): burst size and sustained requests per second. */
        Bucket machine();

        /** People using the SPA: far above what a person clicks, low enough to stop a runaway script. */
        Bucket user();
    }

    interface Bucket {
        int capacity();

        int perSecond();
    }
}
