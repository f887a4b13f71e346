package io.jixiao.platform.security;

import java.time.Clock;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies a bearer token once, not on every request. The benchmark's profile of a document read showed
 * 56% of the CPU in parsing and RSA-verifying the same JWT again and again; a token is immutable and
 * verified locally (no revocation check happens per request either), so the identity it gave stays true
 * until the token's {@code exp}. Unknown tokens go to Quarkus OIDC unchanged; only what it accepted is
 * remembered, keyed by the token's hash, so a changed or forged token always meets the full check.
 */
@ApplicationScoped
public class CachingTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @ConfigMapping(prefix = "jixiao.security.verified-tokens")
    public interface Config {
        /** Off makes every request verify its token again (the behaviour of Quarkus OIDC alone). */
        @WithDefault("true")
        boolean enabled();

        /** Distinct live tokens remembered; a district has a few hundred users and a few machine clients. */
        @WithDefault("10000")
        int maxSize();
    }

    private final OidcIdentityProvider oidc;
    private final Config config;
    private final VerifiedTokens<SecurityIdentity> verified;

    public CachingTokenIdentityProvider(OidcIdentityProvider oidc, Config config) {
        this.oidc = oidc;
        this.config = config;
        this.verified = new VerifiedTokens<>(config.maxSize(), Clock.systemUTC());
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before Quarkus OIDC's own provider (default priority 1001), which stays the only one that verifies. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled()) {
            return oidc.authenticate(request, context);
        }
        String token = request.getToken().getToken();
        SecurityIdentity known = verified.find(token);
        if (known != null) {
            return Uni.createFrom().item(forThisRequest(known, request));
        }
        return oidc.authenticate(request, context).invoke(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                verified.remember(token, identity, jwt.getExpirationTime());
            }
        });
    }

    /** The remembered identity, carrying this request's routing context instead of the first one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity known, TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null) {
            return known;
        }
        return QuarkusSecurityIdentity.builder(known).addAttribute(RoutingContext.class.getName(), routing).build();
    }

    /** Tokens remembered now (metrics and tests). */
    public int size() {
        return verified.size();
    }
}
