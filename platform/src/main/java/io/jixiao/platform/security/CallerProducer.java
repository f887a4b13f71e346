package io.jixiao.platform.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/** The request's caller, from the verified bearer token. */
public class CallerProducer {

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity, JsonWebToken token) {
        String preferred = token == null ? null : token.getClaim("preferred_username");
        Object department = token == null ? null : token.getClaim(Caller.DEPARTMENT_CLAIM);
        return new Caller(preferred != null ? preferred : identity.getPrincipal().getName(), identity.getRoles(),
                department == null ? null : department.toString());
    }
}
