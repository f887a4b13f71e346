package io.jixiao.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one rule set for the examples of a served OpenAPI document (/q/openapi?format=json), shared by the
 * three services' tests: every /api/v1 operation shows what it answers, takes and refuses.
 */
public final class OpenApiExamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Files a person downloads or uploads (XLSX, DOCX, PDF, ZIP, CSV, NDJSON) are described, not exemplified. */
    private static final Set<String> FILES = Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream",
            "application/pdf", "application/zip", "text/csv", "application/x-ndjson", "multipart/form-data");

    /** What is missing, per rule; each list names the operations ("PUT /api/v1/..."). */
    public record Findings(int operations, List<String> withoutResponseExample, List<String> jsonAnswerWithoutExample,
            List<String> requestWithoutExample, List<String> writeWithoutProblemExample, List<String> unreadableExamples) {

        /** Every rule holds, on a document with at least this many operations. */
        public void assertComplete(int minOperations) {
            assertRules(minOperations, true);
        }

        /** Every rule but the problem+json example of each write. */
        public void assertCompleteExceptWriteProblems(int minOperations) {
            assertRules(minOperations, false);
        }

        private void assertRules(int minOperations, boolean problems) {
            List<String> failures = new ArrayList<>();
            add(failures, "operations without any response example", withoutResponseExample);
            add(failures, "JSON success answers without an example", jsonAnswerWithoutExample);
            add(failures, "request bodies without an example", requestWithoutExample);
            if (problems) {
                add(failures, "writes without an application/problem+json example", writeWithoutProblemExample);
            }
            add(failures, "JSON examples given as text that do not parse", unreadableExamples);
            if (operations < minOperations) {
                failures.add("only " + operations + " operations under /api/v1 (expected at least " + minOperations + ")");
            }
            if (!failures.isEmpty()) {
                throw new AssertionError(String.join("\n", failures));
            }
        }

        private static void add(List<String> failures, String rule, List<String> operations) {
            if (!operations.isEmpty()) {
                failures.add(rule + ":\n  " + String.join("\n  ", operations));
            }
        }
    }

    private OpenApiExamples() {
    }

    public static Findings check(String openApiJson) throws Exception {
        JsonNode doc = JSON.readTree(openApiJson);
        List<String> noResponse = new ArrayList<>();
        List<String> jsonAnswer = new ArrayList<>();
        List<String> noRequest = new ArrayList<>();
        List<String> noProblem = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, JsonNode> all = operations(doc, "/api/v1/");
        int operations = all.size();
        for (Map.Entry<String, JsonNode> op : all.entrySet()) {
            String name = op.getKey();
            boolean anyExample = false;
            boolean onlyFilesOrEmpty = true;
            boolean problem = false;
            for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext();) {
                Map.Entry<String, JsonNode> r = rs.next();
                JsonNode content = r.getValue().path("content");
                anyExample |= hasExample(content);
                problem |= mediaHasExample(content.path("application/problem+json"));
                if (r.getKey().startsWith("2")) {
                    for (Iterator<String> media = content.fieldNames(); media.hasNext();) {
                        onlyFilesOrEmpty &= FILES.contains(media.next());
                    }
                    if (content.has("application/json") && !mediaHasExample(content.path("application/json"))) {
                        jsonAnswer.add(name + " " + r.getKey());
                    }
                }
                unreadable(content, name + " " + r.getKey(), unreadable);
            }
            if (!anyExample && !onlyFilesOrEmpty) {
                noResponse.add(name);
            }
            JsonNode body = op.getValue().path("requestBody").path("content");
            boolean upload = true;
            for (Iterator<String> media = body.fieldNames(); media.hasNext();) {
                upload &= FILES.contains(media.next());
            }
            if (!body.isMissingNode() && !upload && !hasExample(body)) {
                noRequest.add(name);
            }
            if (!name.startsWith("GET ") && !problem) {
                noProblem.add(name);
            }
        }
        return new Findings(operations, noResponse, jsonAnswer, noRequest, noProblem, unreadable);
    }

    /** Every operation of the document whose path starts with {@code pathPrefix}, as "PUT /api/v1/...", in document order. */
    public static Map<String, JsonNode> operations(JsonNode doc, String pathPrefix) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith(pathPrefix)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
        return operations;
    }

    private static boolean hasExample(JsonNode content) {
        for (JsonNode media : content) {
            if (mediaHasExample(media)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mediaHasExample(JsonNode media) {
        return media.hasNonNull("example") || media.path("examples").size() > 0;
    }

    /** Examples of JSON media given as text must be JSON. */
    private static void unreadable(JsonNode content, String where, List<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext();) {
            Map.Entry<String, JsonNode> m = media.next();
            if (!m.getKey().contains("json")) {
                continue;
            }
            for (JsonNode example : m.getValue().path("examples")) {
                JsonNode value = example.path("value");
                if (value.isTextual()) {
                    try {
                        JSON.readTree(value.asText());
                    } catch (Exception e) {
                        out.add(where + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
