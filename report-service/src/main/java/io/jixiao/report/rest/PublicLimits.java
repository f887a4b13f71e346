package io.jixiao.report.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.jixiao.platform.api.RateLimiter;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.publication.PublicationService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * The public API's own, stricter bucket of the platform rate limiter, per client address (there is no
 * caller to count by). The address is the connection's, or the one the proxy tier forwards when the
 * service trusts forwarded headers (deploy/nginx/proxy.conf).
 */
@ApplicationScoped
public class PublicLimits {

    @Inject
    ReportConfig config;
    @Inject
    RateLimiter limiter;

    @ServerRequestFilter(priority = Priorities.USER - 10)
    public Response rate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        // on even where the API-wide limit is off (tests, load runs): anyone can call these paths
        if (!(path.equals(PublicationService.PUBLIC_PATH) || path.startsWith(PublicationService.PUBLIC_PATH + "/"))) {
            return null;
        }
        ReportConfig.Publication limits = config.publication();
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return Throttle.take(limiter, "public:" + address, limits.burst(), limits.perSecond(), request,
                "publication.rate-limited");
    }
}
