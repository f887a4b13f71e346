package io.jixiao.budget.imports;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.problem.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
    private final ObjectMapper mapper;

    public UploadSizeGuard(ImportConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    void routes(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, "/api/v1/budgets/[^/]+/[^/]+/imports/?").order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long bytes;
            try {
                bytes = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes > config.maxBytes() + MULTIPART_OVERHEAD) {
                Locale locale = Messages.fromHeader(ctx.request().getHeader("Accept-Language"));
                String code = "import.too-large";
                Problem body = new Problem("urn:jixiao:problem:" + code, Messages.text(locale, "status.413"), 413,
                        Messages.text(locale, code, String.valueOf(config.maxBytes() / (1024 * 1024))),
                        ctx.request().path(), code,
                        List.of(new FieldError("file", Messages.text(locale, "import.too-large.short"))));
                try {
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .end(mapper.writeValueAsString(body));
                } catch (JsonProcessingException e) {
                    ctx.fail(e);
                }
                return;
            }
            ctx.next();
        });
    }

}
