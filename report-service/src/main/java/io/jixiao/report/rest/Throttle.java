package io.jixiao.report.rest;

import java.util.Locale;

import io.jixiao.platform.api.ApiConfig;
import io.jixiao.platform.api.RateLimiter;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/** A bucket of the platform rate limiter of report-service's own (the checker's, the public API's). */
final class Throttle {

    private Throttle() {
    }

    /** Null when {@code key} may go on, else the 429 problem with Retry-After; {@code code} names the message. */
    static Response take(RateLimiter limiter, String key, int burst, int perSecond, ContainerRequestContext request,
            String code) {
        RateLimiter.Decision d = limiter.take(key, new ApiConfig.Bucket() {
            @Override
            public int capacity() {
                return burst;
            }

            @Override
            public int perSecond() {
                return perSecond;
            }
        });
        if (d.allowed()) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        Locale locale = Messages.of(request);
        Problem body = new Problem("urn:jixiao:problem:" + code, Messages.text(locale, "status.429"), 429,
                Messages.text(locale, code, d.retryAfterSeconds()), path, code, null);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", d.retryAfterSeconds()).entity(body)
                .build();
    }
}
