package io.jixiao.report.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.jixiao.platform.api.RateLimiter;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.RouteProblems;
import io.jixiao.platform.security.Roles;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.service.UploadedReport;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * The limits of POST /api/v1/checks, each applied before the body is read: a declared Content-Length
 * over the limit is refused on the HTTP route (before authentication and buffering), a caller over
 * its own rate gets 429 with Retry-After, and the body itself is read through {@link #read} so a
 * chunked upload without a length stops at the limit too. The checker is CPU-heavy, so it has its own
 * bucket on top of the API-wide one.
 */
@ApplicationScoped
public class CheckLimits {

    static final String PATH = "/api/v1/checks";

    @Inject
    ReportConfig config;
    @Inject
    RateLimiter limiter;
    @Inject
    RouteProblems problems;
    @Inject
    SecurityIdentity identity;

    void routes(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, "/api/v1/checks/?").order(-1000).handler(ctx -> {
            if (RouteProblems.declaredLength(ctx.request()) > UploadedReport.MAX_BYTES) {
                problems.refuse(ctx, 413, "upload.too-large", "file", "upload.too-large");
                return;
            }
            ctx.next();
        });
    }

    /** Runs after authentication and before the body is read; callers without a checker role are left to @RolesAllowed. */
    @ServerRequestFilter(priority = Priorities.USER + 10)
    public Response rate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!"POST".equals(request.getMethod()) || !(path.equals(PATH) || path.equals(PATH + "/"))
                || identity.isAnonymous()
                || !(identity.hasRole(Roles.DEPARTMENT) || identity.hasRole(Roles.FINANCE_REVIEWER))) {
            return null;
        }
        ReportConfig.Checks checks = config.checks();
        return Throttle.take(limiter, "checks:" + identity.getPrincipal().getName(), checks.burst(), checks.perSecond(),
                request, "check.rate-limited");
    }

    /** The body, refused with 413 as soon as it passes the limit (a chunked upload declares no length). */
    static byte[] read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(UploadedReport.MAX_BYTES + 1);
            if (bytes.length > UploadedReport.MAX_BYTES) {
                throw new ProblemException(413, "upload.too-large", List.of(new FieldError("file", "upload.too-large")));
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(400, "upload.unreadable", List.of(new FieldError("file", "upload.unreadable")));
        }
    }
}
