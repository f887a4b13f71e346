package io.jixiao.budget.onboarding;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Onboarding in Keycloak. The admin client itself (quarkus.keycloak.admin-client.*) logs in to the
 * master realm with JIXIAO_KEYCLOAK_ADMIN_USER / JIXIAO_KEYCLOAK_ADMIN_PASSWORD from the environment
 * (deploy/local/up.sh passes them); without a password onboarding answers 503 instead of guessing one.
 */
@ConfigMapping(prefix = "jixiao.onboarding")
public interface OnboardingConfig {

    /** The realm the department users live in. */
    @WithDefault("jixiao")
    String realm();

    /** The realm role a department user gets. */
    @WithDefault("department")
    String role();

    /** Set from JIXIAO_KEYCLOAK_ADMIN_PASSWORD: its presence switches onboarding on. */
    Optional<String> adminPassword();
}
