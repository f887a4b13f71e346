package io.jixiao.platform.problem;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Problem answers written straight on a Vert.x route, for the checks that run before RESTEasy reads
 * a body (declared sizes of writes and uploads): the same RFC 9457 body, in the caller's language, as
 * the exception mappers give.
 */
@ApplicationScoped
public class RouteProblems {

    private final ObjectMapper mapper;

    public RouteProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The declared Content-Length, or -1 when there is none or it is not a number. */
    public static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Ends the exchange with a problem; the message key is {@code code}, and a field error on
     * {@code field} (null for none) repeats it in the key {@code fieldCode}. The connection is closed:
     * the body the client is still sending is never read.
     */
    public void refuse(RoutingContext ctx, int status, String code, String field, String fieldCode, Object... args) {
        Locale locale = Messages.fromHeader(ctx.request().getHeader("Accept-Language"));
        List<FieldError> errors = field == null ? null : List.of(new FieldError(field, Messages.text(locale, fieldCode, args)));
        Problem body = new Problem("urn:jixiao:problem:" + code, Messages.text(locale, "status." + status), status,
                Messages.text(locale, code, args), ctx.request().path(), code, errors);
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
