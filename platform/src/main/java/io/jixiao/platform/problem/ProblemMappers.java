package io.jixiao.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every error leaves the services as RFC 9457 problem+json, in the caller's language, with the
 * path of each wrong field. Nothing internal (stack traces, SQL) reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.of(headers);
        List<FieldError> errors = e.errors().stream()
                .map(f -> new FieldError(f.field(), fieldMessage(locale, f.message())))
                .toList();
        return respond(locale, e.status(), e.code(), Messages.text(locale, e.code(), e.args()), errors, uri);
    }

    /** "code" or "code|arg|arg" (see Bounds.message) in the caller's language. */
    static String fieldMessage(Locale locale, String message) {
        if (message == null || message.indexOf('|') < 0) {
            return Messages.text(locale, message);
        }
        String[] parts = message.split("\\|");
        return Messages.text(locale, parts[0], (Object[]) java.util.Arrays.copyOfRange(parts, 1, parts.length));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.of(headers);
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respond(locale, 400, "request.invalid", Messages.text(locale, "request.invalid"), errors, uri);
    }

    /** Malformed JSON, or a value of the wrong type ("abc" for an amount). */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.of(headers);
        List<FieldError> errors = List.of();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            errors = List.of(new FieldError(jsonPath(m.getPath()), Messages.text(locale, "field.unreadable")));
        }
        return respond(locale, 400, "request.unreadable", Messages.text(locale, "request.unreadable"), errors, uri);
    }

    /** More specific than Quarkus' own mapper for this type, so ours answers. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return unreadable(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.of(headers);
        return respond(locale, 409, "version.conflict", Messages.text(locale, "version.conflict"), List.of(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.of(headers);
        return respond(locale, 403, "access.forbidden", Messages.text(locale, "access.forbidden"), List.of(), uri);
    }

    /**
     * A query value its parameter's type cannot take (fiscalYear=abc) arrives as JAX-RS' 404 around the
     * conversion error; the route exists, so it is the caller's bad input: 400 naming the parameter. A path
     * segment that does not convert (…/budgets/{id}/abc) stays 404: there is no such resource.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
        String field = e.getCause() == null ? null : QueryValues.unconvertible(resource, uri);
        if (field == null) {
            return web(e, headers, uri);
        }
        Locale locale = Messages.of(headers);
        return respond(locale, 400, "query.invalid", Messages.text(locale, "query.invalid"),
                List.of(new FieldError(field, Messages.text(locale, "query.value.unreadable"))), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.of(headers);
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "resource.not-found";
            case 405 -> "method.not-allowed";
            case 406, 415 -> "media.unsupported";
            case 401 -> "auth.required";
            default -> "request.failed";
        };
        return respond(locale, status, code, Messages.text(locale, code), List.of(), uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        for (Throwable cause : Throwables.chain(e)) {
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return staleVersion(new OptimisticLockException(cause), headers, uri);
            }
            if (cause instanceof ProblemException p) {
                return problem(p, headers, uri);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                Response mapped = database(sql.getSQLState(), headers, uri);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        Locale locale = Messages.of(headers);
        if (io.jixiao.platform.inbox.InboundEvents.isTransient(e)) {
            // database restarting, pool exhausted, deadlock: the client may simply try again
            Response r = respond(locale, 503, "database.unavailable", Messages.text(locale, "database.unavailable"),
                    List.of(), uri);
            return Response.fromResponse(r).header("Retry-After", "2").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return respond(locale, 500, "internal.error", Messages.text(locale, "internal.error", incident), List.of(), uri);
    }

    /**
     * What the database refused, as the client's problem rather than a 500: a second concurrent first
     * write (unique key) is a conflict; a value the column cannot hold is bad input that validation
     * should have caught (logged, so the bound is added).
     */
    private Response database(String state, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.of(headers);
        return switch (state) {
            case "23505" -> respond(locale, 409, "resource.conflict", Messages.text(locale, "resource.conflict"),
                    List.of(), uri);
            case "22003" -> {
                LOG.warnf("numeric value out of range reached the database at %s", uri == null ? "?" : uri.getPath());
                yield respond(locale, 400, "value.out-of-range", Messages.text(locale, "value.out-of-range"), List.of(),
                        uri);
            }
            case "22001" -> {
                LOG.warnf("text too long reached the database at %s", uri == null ? "?" : uri.getPath());
                yield respond(locale, 400, "text.too-long", Messages.text(locale, "text.too-long"), List.of(), uri);
            }
            default -> null;
        };
    }

    private static Response respond(Locale locale, int status, String code, String detail, List<FieldError> errors,
            UriInfo uri) {
        Problem body = new Problem("urn:jixiao:problem:" + code, Messages.text(locale, "status." + status), status,
                detail, uri == null ? null : uri.getPath(), code, errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** "save.body.budget" → "budget": drop the method and parameter nodes of a method validation. */
    static String fieldPath(Path path) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // "duties.<list element>[0]" reads "duties[0]" for a clerk
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append('[').append(node.getKey()).append(']');
                }
                continue;
            }
            // A property of a list element carries the element's index: "reasons" then "reason" with
            // index 0 reads "reasons[0].reason" (the path the SPA's forms use).
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.length() > 0 ? out.toString() : parameter;
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
