package io.jixiao.k8s.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Every object against its schema, unknown fields failing:
 * <ul>
 * <li>core kinds: the fabric8 model (its classes keep unknown fields in additionalProperties, which must be empty);</li>
 * <li>Strimzi kinds (kafka.strimzi.io/v1): Strimzi's API model, the same way, and no deprecated field;</li>
 * <li>CloudNativePG and Keycloak kinds: the OpenAPI v3 schema of the vendored CRD, objects closed the way the
 * API server prunes them (no unknown field unless x-kubernetes-preserve-unknown-fields).</li>
 * </ul>
 * Any other kind has no schema here and fails.
 */
public final class SchemaCheck {

    /** Core API groups read through fabric8; anything else must be a kind listed below. */
    private static final Set<String> CORE_API_VERSIONS = Set.of("v1", "apps/v1", "policy/v1", "autoscaling/v2",
            "networking.k8s.io/v1", "batch/v1", "rbac.authorization.k8s.io/v1");
    private static final String STRIMZI_API = "kafka.strimzi.io/v1";
    private static final Map<String, Class<?>> STRIMZI_KINDS = Map.of("Kafka", Kafka.class, "KafkaNodePool",
            KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);
    /** Vendored CRDs (deploy/k8s/vendor/README.md names source, release and licence). */
    static final List<String> CRD_FILES = List.of(
            "cloudnative-pg-1.30.0/postgresql.cnpg.io_clusters.yaml",
            "cloudnative-pg-1.30.0/postgresql.cnpg.io_databases.yaml",
            "cloudnative-pg-1.30.0/postgresql.cnpg.io_scheduledbackups.yaml",
            "keycloak-26.0.0/keycloaks.k8s.keycloak.org-v1.yml",
            "keycloak-26.0.0/keycloakrealmimports.k8s.keycloak.org-v1.yml");

    private final KubernetesSerialization fabric8 = new KubernetesSerialization();
    private final ObjectMapper strimzi = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** "apiVersion kind" → JSON Schema of the CRD's served version. */
    private final Map<String, JsonSchema> crdSchemas = new HashMap<>();

    public SchemaCheck(Path vendorDir) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        for (String file : CRD_FILES) {
            String text;
            try {
                text = Files.readString(vendorDir.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode crd : Manifests.parse(text)) {
                JsonNode spec = crd.path("spec");
                for (JsonNode version : spec.path("versions")) {
                    if (!version.path("served").asBoolean()) {
                        continue;
                    }
                    String key = spec.path("group").asText() + "/" + version.path("name").asText() + " "
                            + spec.path("names").path("kind").asText();
                    crdSchemas.put(key, factory.getSchema(closed(withObjectFields(version.path("schema").path("openAPIV3Schema")))));
                }
            }
        }
    }

    /** Problems of one object, each prefixed with Kind/name. */
    public List<String> check(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        String kind = o.path("kind").asText();
        List<String> problems = new ArrayList<>();
        if (CORE_API_VERSIONS.contains(apiVersion)) {
            Object model;
            try {
                model = fabric8.unmarshal(o.toString());
            } catch (RuntimeException e) {
                problems.add("does not read as " + apiVersion + " " + kind + ": " + rootMessage(e));
                return prefix(o, problems);
            }
            if (model instanceof GenericKubernetesResource) {
                problems.add("unknown kind " + apiVersion + " " + kind);
            } else {
                unknownFields(model, "", problems, new IdentityHashMap<>());
            }
        } else if (STRIMZI_KINDS.containsKey(kind) && STRIMZI_API.equals(apiVersion)) {
            try {
                unknownFields(strimzi.treeToValue(o, STRIMZI_KINDS.get(kind)), "", problems, new IdentityHashMap<>());
            } catch (IOException | RuntimeException e) {
                problems.add("does not read as " + apiVersion + " " + kind + ": " + rootMessage(e));
            }
        } else if (crdSchemas.containsKey(apiVersion + " " + kind)) {
            for (ValidationMessage m : crdSchemas.get(apiVersion + " " + kind).validate(o)) {
                problems.add(m.getMessage());
            }
        } else {
            problems.add("no schema for " + apiVersion + " " + kind
                    + " (core kinds, kafka.strimzi.io/v1 and the vendored CRDs are known)");
        }
        return prefix(o, problems);
    }

    private static List<String> prefix(JsonNode o, List<String> problems) {
        return problems.stream().map(p -> Manifests.id(o) + ": " + p).toList();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.lines().findFirst().orElse(m);
    }

    /**
     * Walks a fabric8 or Strimzi model object: a non-empty additionalProperties is a field the schema does not
     * have; a deprecated Strimzi property that is set is one kafka.strimzi.io/v1 dropped.
     */
    static void unknownFields(Object o, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, out, seen));
            return;
        }
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = m.getName();
            String property;
            if (name.startsWith("get") && name.length() > 3) {
                property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            } else if (name.startsWith("is") && name.length() > 2 && m.getReturnType() == boolean.class) {
                property = Character.toLowerCase(name.charAt(2)) + name.substring(3);
            } else {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            if (property.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "." : path));
                }
                continue;
            }
            if (pkg.startsWith("io.strimzi.api")) {
                strimziRules(m, value, path + "." + property, out);
            }
            unknownFields(value, path + "." + property, out, seen);
        }
    }

    /** Some CRDs (Keycloak's) describe spec and status only; apiVersion, kind and metadata are every object's. */
    private static JsonNode withObjectFields(JsonNode schema) {
        ObjectNode s = ((ObjectNode) schema).deepCopy();
        ObjectNode props = s.has("properties") ? (ObjectNode) s.get("properties") : s.putObject("properties");
        if (!props.has("apiVersion")) {
            props.putObject("apiVersion").put("type", "string");
        }
        if (!props.has("kind")) {
            props.putObject("kind").put("type", "string");
        }
        if (!props.has("metadata")) {
            props.putObject("metadata").put("type", "object");
        }
        return s;
    }

    /** Strimzi's API versions, oldest first: "v1beta2+" in an annotation means v1beta2 and later. */
    private static final List<String> STRIMZI_VERSIONS = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    /** True when an annotation's versions ("v1+", "v1beta2", "v1alpha1-v1beta2", comma-separated) include v1. */
    static boolean includesV1(String versions) {
        int v1 = STRIMZI_VERSIONS.indexOf("v1");
        for (String range : versions.split(",")) {
            String r = range.trim();
            if (r.endsWith("+") && STRIMZI_VERSIONS.indexOf(r.substring(0, r.length() - 1)) <= v1
                    || r.equals("v1") || r.contains("-") && STRIMZI_VERSIONS.indexOf(r.substring(r.indexOf('-') + 1)) >= v1) {
                return true;
            }
        }
        return false;
    }

    /**
     * The CRD rules Strimzi's model carries as annotations (read through the stand-ins in
     * io.strimzi.crdgenerator.annotations), for kafka.strimzi.io/v1: a field v1 does not have (or that is
     * deprecated) must not be set, a field v1 requires must be, and patterns and bounds hold.
     */
    private static void strimziRules(Method m, Object value, String path, List<String> out) {
        boolean set = value != null && !(value instanceof Boolean b && !b)
                && !(value instanceof Collection<?> c && c.isEmpty()) && !(value instanceof Map<?, ?> mp && mp.isEmpty());
        try {
            var present = m.getAnnotation(io.strimzi.crdgenerator.annotations.PresentInVersions.class);
            if (set && (m.isAnnotationPresent(Deprecated.class) || present != null && !includesV1(present.value()))) {
                out.add("field " + path + " is deprecated or not part of kafka.strimzi.io/v1");
            }
            var required = m.getAnnotation(io.strimzi.crdgenerator.annotations.RequiredInVersions.class);
            if (required != null && includesV1(required.value()) && value == null) {
                out.add("required field " + path + " is missing");
            }
            var pattern = m.getAnnotation(io.strimzi.crdgenerator.annotations.Pattern.class);
            if (pattern != null && value instanceof String s && !java.util.regex.Pattern.compile(pattern.value()).matcher(s).find()) {
                out.add("field " + path + " '" + s + "' does not match " + pattern.value());
            }
            var min = m.getAnnotation(io.strimzi.crdgenerator.annotations.Minimum.class);
            if (min != null && value instanceof Number n && n.doubleValue() < min.value()) {
                out.add("field " + path + " is " + n + ", below the minimum " + min.value());
            }
            var max = m.getAnnotation(io.strimzi.crdgenerator.annotations.Maximum.class);
            if (max != null && value instanceof Number n && n.doubleValue() > max.value()) {
                out.add("field " + path + " is " + n + ", above the maximum " + max.value());
            }
            var minItems = m.getAnnotation(io.strimzi.crdgenerator.annotations.MinimumItems.class);
            if (minItems != null && value instanceof Collection<?> c && c.size() < minItems.value()) {
                out.add("field " + path + " has " + c.size() + " items, fewer than " + minItems.value());
            }
        } catch (RuntimeException e) {
            // an annotation whose members differ from the stand-in's: that rule is not checked
        }
    }

    /**
     * The CRD's OpenAPI v3 schema as a JSON Schema that fails on unknown fields: objects with properties are
     * closed unless they preserve unknown fields; nullable and int-or-string become JSON Schema types.
     */
    static JsonNode closed(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode s = ((ObjectNode) schema).deepCopy();
        if (s.path("x-kubernetes-int-or-string").asBoolean()) {
            s.remove("type");
            ArrayNode anyOf = s.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (s.path("nullable").asBoolean() && s.has("type")) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(s.get("type").asText()).add("null");
            s.set("type", types);
        }
        if (s.has("properties")) {
            ObjectNode props = (ObjectNode) s.get("properties");
            for (Iterator<String> it = props.fieldNames(); it.hasNext();) {
                String name = it.next();
                props.set(name, closed(props.get(name)));
            }
            if (!s.has("additionalProperties") && !s.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                s.put("additionalProperties", false);
            }
        }
        for (String key : List.of("additionalProperties", "items", "not")) {
            if (s.get(key) != null && s.get(key).isObject()) {
                s.set(key, closed(s.get(key)));
            }
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (s.get(key) instanceof ArrayNode arr) {
                for (int i = 0; i < arr.size(); i++) {
                    arr.set(i, closed(arr.get(i)));
                }
            }
        }
        // Keywords JSON Schema does not know (CEL rules, list types): the API server checks those.
        Stream.of("nullable", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields",
                "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
                "x-kubernetes-map-type", "x-kubernetes-embedded-resource").forEach(s::remove);
        return s;
    }
}
