package io.jixiao.k8s.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rendered overlay, indexed: what its Secrets, ConfigMaps and Services provide (and what the operators
 * make from its resources), the references checked against that, and the problems found so far.
 */
final class Render {

    final List<JsonNode> objects;
    /** "Secret/name" or "ConfigMap/name" → its keys (null: keys not known). */
    private final Map<String, Set<String>> available = new HashMap<>();
    /** Service name → ports (numbers and names as text). */
    private final Map<String, Set<String>> servicePorts = new HashMap<>();
    final List<String> problems = new ArrayList<>();

    /** Indexes what the render provides: Secrets and ConfigMaps with their keys, Services with their ports. */
    Render(List<JsonNode> objects, Map<String, Set<String>> external) {
        this.objects = objects;
        available.putAll(external);
        for (JsonNode o : objects) {
            String name = o.path("metadata").path("name").asText();
            switch (o.path("kind").asText()) {
                case "Secret", "ConfigMap" -> {
                    Set<String> keys = new TreeSet<>();
                    for (String field : List.of("data", "stringData", "binaryData")) {
                        o.path(field).fieldNames().forEachRemaining(keys::add);
                    }
                    available.put(o.path("kind").asText() + "/" + name, keys);
                }
                case "Service" -> {
                    Set<String> ports = new TreeSet<>();
                    for (JsonNode port : o.path("spec").path("ports")) {
                        ports.add(port.path("port").asText());
                        ports.add(port.path("name").asText());
                    }
                    servicePorts.put(name, ports);
                }
                // What the operators write from these resources.
                case "KafkaUser" -> available.put("Secret/" + name, Set.of("password", "sasl.jaas.config"));
                case "Kafka" -> {
                    available.put("Secret/" + name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
                    Set<String> ports = new TreeSet<>();
                    o.path("spec").path("kafka").path("listeners").forEach(l -> ports.add(l.path("port").asText()));
                    servicePorts.put(name + "-kafka-bootstrap", ports);
                }
                case "Cluster" -> {
                    for (String suffix : List.of("-rw", "-ro", "-r")) {
                        servicePorts.put(name + suffix, Set.of("5432", "postgres"));
                    }
                }
                case "Keycloak" -> servicePorts.put(name + "-service",
                        Set.of(o.path("spec").path("http").path("httpEnabled").asBoolean() ? "8080" : "8443"));
                default -> {
                }
            }
        }
    }

    void secret(JsonNode from, String name, String key) {
        reference(from, "Secret", name, key);
    }

    void reference(JsonNode from, String kind, String name, String key) {
        String ref = kind + "/" + name;
        if (!available.containsKey(ref)) {
            problems.add(Manifests.id(from) + ": " + kind + " " + name + " does not exist and is not listed as external");
        } else if (key != null && !key.isEmpty() && available.get(ref) != null && !available.get(ref).contains(key)) {
            problems.add(Manifests.id(from) + ": " + kind + " " + name + " has no key " + key + " (keys: " + available.get(ref) + ")");
        }
    }

    void servicePort(JsonNode from, String service, String port) {
        String who = from == null ? "?" : Manifests.id(from);
        if (!servicePorts.containsKey(service)) {
            problems.add(who + ": Service " + service + " does not exist (nor is it made by an operator from this render)");
        } else if (!servicePorts.get(service).contains(port)) {
            problems.add(who + ": Service " + service + " has no port " + port + " (ports: " + servicePorts.get(service) + ")");
        }
    }

    JsonNode first(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElse(null);
    }

    JsonNode first(String kind, String nameOrId) {
        String name = nameOrId.startsWith(kind + "/") ? nameOrId.substring(kind.length() + 1) : nameOrId;
        return objects.stream().filter(kindAndName(kind, name)).findFirst().orElse(null);
    }

    static Predicate<JsonNode> kindAndName(String kind, String name) {
        return o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name);
    }
}
