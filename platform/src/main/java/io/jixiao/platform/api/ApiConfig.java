package io.jixiao.platform.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The API conventions every service applies to /api/v1 (README, "API for the bureau"). */
@ConfigMapping(prefix = "jixiao.api")
public interface ApiConfig {

    RateLimit rateLimit();

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
