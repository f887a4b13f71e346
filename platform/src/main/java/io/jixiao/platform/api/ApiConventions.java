package io.jixiao.platform.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.Messages;
import io.jixiao.platform.problem.Problem;
import io.jixiao.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The conventions of the whole /api/v1 contract, applied the same way in every service:
 * rate limit with 429 and Retry-After, unknown query parameters refused (a misspelt filter must not
 * silently return everything), ETag / If-None-Match on reads, a {@code Link rel="next"} header on
 * cursor pages, and the log of machine reads.
 */
public class ApiConventions {

    private static final String API = "/api/";

    @Inject
    SecurityIdentity identity;
    @Inject
    ApiConfig config;
    @Inject
    RateLimiter limiter;
    @Inject
    MachineReads machineReads;
    @Inject
    ObjectMapper mapper;

    private final Map<Method, Set<String>> knownParameters = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER)
    public Response beforeResource(ContainerRequestContext request, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith(API)) {
            return null;
        }
        if (config.rateLimit().enabled() && !identity.isAnonymous()) {
            ApiConfig.Bucket limits = identity.hasRole(Roles.FINANCE_API) ? config.rateLimit().machine()
                    : config.rateLimit().user();
            RateLimiter.Decision d = limiter.take(identity.getPrincipal().getName(), limits);
            if (!d.allowed()) {
                return problem(request, 429, "rate.limited", List.of(), d.retryAfterSeconds())
                        .header("Retry-After", d.retryAfterSeconds()).build();
            }
        }
        Method method = resource.getResourceMethod();
        if (method != null) {
            Set<String> known = knownParameters.computeIfAbsent(method, ApiConventions::queryParameters);
            List<FieldError> unknown = new ArrayList<>();
            for (String name : request.getUriInfo().getQueryParameters().keySet()) {
                if (!known.contains(name)) {
                    unknown.add(new FieldError(name, "query.unknown"));
                }
            }
            if (!unknown.isEmpty()) {
                return problem(request, 400, "request.invalid", unknown, known.isEmpty() ? "–" : String.join(", ", known))
                        .build();
            }
        }
        return null;
    }

    @ServerResponseFilter(priority = Priorities.USER)
    public void afterResource(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(API)) {
            return;
        }
        if (!identity.isAnonymous() && identity.hasRole(Roles.FINANCE_API)) {
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            machineReads.log(identity.getPrincipal().getName(), request.getMethod(),
                    query == null ? path : path + "?" + query, response.getStatus());
        }
        if (response.getEntity() instanceof CursorPage page && page.nextLink() != null
                && response.getStatus() == 200) {
            response.getHeaders().add("Link", nextLink(request.getUriInfo(), page.nextLink()));
        }
        if (HttpMethod.GET.equals(request.getMethod()) && response.getStatus() == 200) {
            conditional(request, response);
        }
    }

    /** The Link header value of the next cursor page of this request (RFC 8288). */
    public static String nextLink(jakarta.ws.rs.core.UriInfo uri, String cursor) {
        String next = uri.getRequestUriBuilder().replaceQueryParam("since").replaceQueryParam("cursor", cursor).build()
                .toString();
        return "<" + next + ">; rel=\"next\"";
    }

    /** Strong ETag from the bytes the client would receive; 304 when the client already has them. */
    private void conditional(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null || entity instanceof StreamingOutput || entity instanceof java.io.InputStream
                || entity instanceof java.io.File || entity instanceof java.nio.file.Path
                || entity instanceof org.reactivestreams.Publisher<?>
                || entity instanceof java.util.concurrent.Flow.Publisher<?>) {
            return; // streamed bodies are never buffered just to hash them
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag == null) {
            byte[] bytes;
            try {
                bytes = entity instanceof byte[] b ? b
                        : entity instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                        : mapper.writeValueAsBytes(entity);
            } catch (JsonProcessingException e) {
                return;
            }
            etag = "\"" + digest(bytes) + "\"";
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        }
        // the default for signed-in reads; a resource that chose its own (the public reports: public, max-age) keeps it
        if (response.getHeaderString(HttpHeaders.CACHE_CONTROL) == null) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        String plain = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(plain)) {
                return true;
            }
        }
        return false;
    }

    static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response.ResponseBuilder problem(ContainerRequestContext request, int status, String code,
            List<FieldError> errors, Object arg) {
        var locale = Messages.of(request);
        List<FieldError> texts = errors.stream()
                .map(f -> new FieldError(f.field(), Messages.text(locale, f.message(), arg)))
                .toList();
        Problem body = new Problem("urn:jixiao:problem:" + code, Messages.text(locale, "status." + status), status,
                Messages.text(locale, code, arg), request.getUriInfo().getPath(), code, texts.isEmpty() ? null : texts);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    /** The query parameter names a resource method declares, directly or through a @BeanParam. */
    static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter p : method.getParameters()) {
            for (Annotation a : p.getAnnotations()) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                } else if (a instanceof org.jboss.resteasy.reactive.RestQuery r) {
                    names.add(r.value().isEmpty() ? p.getName() : r.value());
                } else if (a instanceof BeanParam) {
                    for (Field f : p.getType().getDeclaredFields()) {
                        QueryParam q = f.getAnnotation(QueryParam.class);
                        if (q != null) {
                            names.add(q.value());
                        }
                    }
                }
            }
        }
        return Set.copyOf(names);
    }
}
