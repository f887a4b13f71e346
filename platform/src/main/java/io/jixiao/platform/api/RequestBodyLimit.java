package io.jixiao.platform.api;

import java.util.List;
import java.util.regex.Pattern;

import io.jixiao.platform.problem.RouteProblems;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every API write states its size and stays under jixiao.api.max-body-bytes, checked on the header
 * before a byte of the body is read: a 64 MB JSON body used to be buffered, parsed and validated.
 * Upload routes (jixiao.api.upload-paths) apply their own limits. A write without Content-Length
 * (chunked) gets 411: every browser and HTTP client sends it for a JSON body.
 */
@ApplicationScoped
public class RequestBodyLimit {

    private final ApiConfig config;
    private final RouteProblems problems;
    private final List<Pattern> uploads;

    public RequestBodyLimit(ApiConfig config, RouteProblems problems) {
        this.config = config;
        this.problems = problems;
        this.uploads = config.uploadPaths().stream().map(Pattern::compile).toList();
    }

    void routes(@Observes Router router) {
        router.route("/api/*").order(-2000).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            ctx.next();
            return;
        }
        String path = ctx.request().path();
        if (uploads.stream().anyMatch(p -> p.matcher(path).find())) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length == null) {
            // a body-less POST (submit, retry) sends no Content-Length only when it is chunked
            if ("chunked".equalsIgnoreCase(ctx.request().getHeader("Transfer-Encoding"))) {
                problems.refuse(ctx, 411, "request.length-required", null, null);
                return;
            }
            ctx.next();
            return;
        }
        long bytes = RouteProblems.declaredLength(ctx.request());
        if (bytes < 0) {
            problems.refuse(ctx, 400, "request.length-required", null, null);
            return;
        }
        if (bytes > config.maxBodyBytes()) {
            problems.refuse(ctx, 413, "request.too-large", null, null, config.maxBodyBytes() / 1024);
            return;
        }
        ctx.next();
    }
}
