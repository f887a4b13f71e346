package io.jixiao.budget.rest;

import io.jixiao.platform.problem.RouteProblems;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.jixiao.budget.imports.ImportConfig;

/**
 * Refuses an import upload whose Content-Length is over the limit before its body is read, with the
 * same 413 problem+json as the service's own check (the HTTP layer's body limit would answer with a
 * bare 413 and only after reading up to its own limit).
 */
@ApplicationScoped
public class UploadSizeGuard {

    /** Multipart framing and the form's other fields on top of the file itself. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final ImportConfig config;
    private final RouteProblems problems;

    public UploadSizeGuard(ImportConfig config, RouteProblems problems) {
        this.config = config;
        this.problems = problems;
    }

    void routes(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, "/api/v1/budgets/[^/]+/[^/]+/imports/?").order(-1000).handler(ctx -> {
            if (RouteProblems.declaredLength(ctx.request()) > config.maxBytes() + MULTIPART_OVERHEAD) {
                problems.refuse(ctx, 413, "import.too-large", "file", "import.too-large.short",
                        String.valueOf(config.maxBytes() / (1024 * 1024)));
                return;
            }
            ctx.next();
        });
    }
}
