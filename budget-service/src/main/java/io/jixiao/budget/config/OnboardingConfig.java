package io.jixiao.budget.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Onboarding in Keycloak. The admin client itself (quarkus.keycloak.admin-client.*) logs in to realm
 * jixiao as client jixiao-onboarding with JIXIAO_ONBOARDING_SECRET from the environment (deploy/local/up.sh
 * passes it); without a secret onboarding answers 503 instead of trying a login bound to fail.
 */
@ConfigMapping(prefix = "jixiao.onboarding")
public interface OnboardingConfig {

    /** The realm the department users live in. */
    @WithDefault("jixiao")
    String realm();

    /** The realm role a department user gets. */
    @WithDefault("department")
    String role();

    /** Set from JIXIAO_ONBOARDING_SECRET: its presence switches onboarding on. */
    Optional<String> clientSecret();
}
