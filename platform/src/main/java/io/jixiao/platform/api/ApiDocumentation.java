package io.jixiao.platform.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import io.jixiao.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The one hook through which every service's OpenAPI document gets what the annotations do not say,
 * run at build time, so the stored document (target/openapi, merged into docs/openapi) has it too:
 * <ul>
 * <li>the examples of the service's {@value #EXAMPLES} (operations' request and response examples
 * and shared {@code components.examples}). Operation-specific examples may stay in
 * {@code @ExampleObject}; an example an annotation cannot hold (the change feed, declared once in
 * platform, has a different example per service) or one shared by many operations goes here;</li>
 * <li>the answers every operation can give without saying so: 401 (no or expired token), 403 (role or
 * department not allowed) and 429 (rate limit, with Retry-After), all as problem+json.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentation implements OASFilter {

    /** The examples file of a service, in OpenAPI's own shape (paths / components.examples). */
    public static final String EXAMPLES = "META-INF/openapi-examples.yaml";

    private static final String PROBLEM_JSON = Problem.MEDIA_TYPE;

    /** The standard answers and the description each gets when the operation does not describe it. */
    private static final Map<String, String> STANDARD = Map.of(
            "401", "Not signed in, or the token expired or is invalid (auth.required)",
            "403", "The caller's role or department may not do this (access.forbidden, department.forbidden)",
            "429", "Too many requests from this caller; retry after the seconds in Retry-After (rate.limited)");

    /** Descriptions of answers an examples file adds when the annotations did not declare them. */
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "200", "OK", "400", "Bad input: every wrong field with its path and message",
            "404", "Not found", "409", "Conflict: stale version, or the data is locked");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Map<String, Object> file : examplesFiles()) {
            addExamples(openAPI, file);
        }
        addProblemSchema(openAPI);
        addStandardResponses(openAPI);
    }

    // ------------------------------------------------------------------ examples

    private static List<Map<String, Object>> examplesFiles() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ApiDocumentation.class.getClassLoader();
        }
        List<Map<String, Object>> files = new java.util.ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(EXAMPLES);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (InputStream in = url.openStream()) {
                    Object doc = new Yaml(new LoaderOptions()).load(in);
                    if (doc != null) {
                        files.add(map(doc, url.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void addExamples(OpenAPI openAPI, Map<String, Object> file) {
        Map<String, Object> shared = map(map(file.getOrDefault("components", Map.of()), "components")
                .getOrDefault("examples", Map.of()), "components.examples");
        if (!shared.isEmpty()) {
            Components components = openAPI.getComponents();
            if (components == null) {
                components = OASFactory.createComponents();
                openAPI.setComponents(components);
            }
            for (Map.Entry<String, Object> e : shared.entrySet()) {
                components.addExample(e.getKey(), example(e.getValue(), "components.examples." + e.getKey()));
            }
        }
        for (Map.Entry<String, Object> path : map(file.getOrDefault("paths", Map.of()), "paths").entrySet()) {
            PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path.getKey());
            for (Map.Entry<String, Object> method : map(path.getValue(), path.getKey()).entrySet()) {
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                Operation op = item == null ? null
                        : item.getOperations().get(PathItem.HttpMethod.valueOf(method.getKey().toUpperCase()));
                if (op == null) {
                    // an example for an operation that is gone must fail the build, not vanish
                    throw new IllegalStateException(EXAMPLES + ": no operation " + where);
                }
                Map<String, Object> spec = map(method.getValue(), where);
                Object body = spec.get("requestBody");
                if (body != null) {
                    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
                        throw new IllegalStateException(EXAMPLES + ": " + where + " takes no request body");
                    }
                    addToContent(op.getRequestBody().getContent(), map(body, where), where + " request");
                }
                for (Map.Entry<String, Object> r : map(spec.getOrDefault("responses", Map.of()), where).entrySet()) {
                    APIResponse response = response(op, r.getKey(), DESCRIPTIONS.getOrDefault(r.getKey(), "Status " + r.getKey()));
                    if (response.getContent() == null) {
                        response.setContent(OASFactory.createContent());
                    }
                    addToContent(response.getContent(), map(r.getValue(), where), where + " " + r.getKey());
                }
            }
        }
    }

    private static void addToContent(Content content, Map<String, Object> spec, String where) {
        for (Map.Entry<String, Object> media : map(spec.getOrDefault("content", Map.of()), where).entrySet()) {
            MediaType type = content.getMediaType(media.getKey());
            if (type == null) {
                type = OASFactory.createMediaType();
                if (PROBLEM_JSON.equals(media.getKey())) {
                    type.setSchema(problemSchema());
                }
                content.addMediaType(media.getKey(), type);
            }
            Map<String, Object> examples = map(map(media.getValue(), where).getOrDefault("examples", Map.of()), where);
            for (Map.Entry<String, Object> e : examples.entrySet()) {
                type.addExample(e.getKey(), example(e.getValue(), where + " " + e.getKey()));
            }
        }
    }

    private static Example example(Object spec, String where) {
        Map<String, Object> e = map(spec, where);
        Example example = OASFactory.createExample();
        if (e.get("$ref") != null) {
            return example.ref((String) e.get("$ref"));
        }
        if (!e.containsKey("value")) {
            throw new IllegalStateException(EXAMPLES + ": " + where + " has neither $ref nor value");
        }
        return example.summary((String) e.get("summary")).description((String) e.get("description")).value(e.get("value"));
    }

    // ------------------------------------------------------------------ standard answers

    private static void addStandardResponses(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                for (Map.Entry<String, String> standard : new java.util.TreeMap<>(STANDARD).entrySet()) {
                    APIResponse response = response(op, standard.getKey(), standard.getValue());
                    if (response.getContent() == null) {
                        response.setContent(OASFactory.createContent());
                    }
                    if (response.getContent().getMediaType(PROBLEM_JSON) == null) {
                        response.getContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType());
                    }
                    if ("429".equals(standard.getKey()) && (response.getHeaders() == null
                            || !response.getHeaders().containsKey("Retry-After"))) {
                        response.addHeader("Retry-After", OASFactory.createHeader()
                                .description("Seconds to wait before the next request")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
                    }
                }
                // every problem+json answer, declared here or by an annotation, has the one schema
                for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                    MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(PROBLEM_JSON);
                    if (problem != null && problem.getSchema() == null) {
                        problem.setSchema(problemSchema());
                    }
                }
            }
        }
    }

    /** The operation's answer with this status, created with {@code description} when it has none. */
    private static APIResponse response(Operation op, String status, String description) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        }
        return response;
    }

    /** Named for the RFC: "Problem" is already a schema of report-service's checker. */
    static final String PROBLEM_SCHEMA = "ProblemDetails";

    private static Schema problemSchema() {
        return OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA);
    }

    /** RFC 9457 problem details as platform's ProblemMappers write them; the same in every service's document. */
    private static void addProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One wrong field: its path in the request and a message in the caller's language")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("lines[3].amount")))
                .addProperty("message", text);
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, in zh-CN or English after Accept-Language")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("urn:jixiao:problem:request.invalid")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable machine-readable code, e.g. request.invalid, version.conflict"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status", "code")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new IllegalStateException(EXAMPLES + ": " + where + " is not a mapping");
    }
}
