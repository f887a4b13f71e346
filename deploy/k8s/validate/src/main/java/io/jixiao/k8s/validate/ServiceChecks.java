package io.jixiao.k8s.validate;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Quarkus service's container against its configuration (application.properties over platform's
 * defaults) and the rest of the render: env names, ports, probes, egress, its database, topics and ACLs.
 */
final class ServiceChecks {

    private final Render r;

    ServiceChecks(Render r) {
        this.r = r;
    }

    /** A Quarkus service's container against its application.properties and the rest of the render. */
    void service(JsonNode d, JsonNode c, ServiceConfig s, Map<String, String> env) {
        String id = Manifests.id(d);
        for (String name : env.keySet()) {
            if (!s.envNames().contains(name) && !ServiceConfig.acceptedWithoutProperty(name)) {
                r.problems.add(id + ": env " + name + " is no setting of " + s.name() + " (not in its application.properties)");
            }
        }
        int http = Integer.parseInt(env.getOrDefault("QUARKUS_HTTP_PORT", String.valueOf(s.httpPort())));
        int management = Integer.parseInt(env.getOrDefault("QUARKUS_MANAGEMENT_PORT", String.valueOf(s.managementPort())));
        Map<String, Integer> ports = new HashMap<>();
        c.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        if (!Integer.valueOf(http).equals(ports.get("http"))) {
            r.problems.add(id + ": container port http is " + ports.get("http") + ", the service listens on " + http);
        }
        if (!Integer.valueOf(management).equals(ports.get("management"))) {
            r.problems.add(id + ": container port management is " + ports.get("management") + ", health is served on " + management);
        }
        for (String host : List.of("QUARKUS_HTTP_HOST", "QUARKUS_MANAGEMENT_HOST")) {
            if (!"0.0.0.0".equals(env.get(host))) {
                r.problems.add(id + ": " + host + " must be 0.0.0.0 (application.properties binds 127.0.0.1, unreachable from outside the pod)");
            }
        }
        networkPolicy(d, env);
        probe(id, c, "livenessProbe", "/q/health/live", management, ports);
        probe(id, c, "readinessProbe", "/q/health/ready", management, ports);
        database(id, s, env);
        kafka(id, s, env);
        String oidc = env.getOrDefault("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        JsonNode realm = r.first("KeycloakRealmImport");
        if (realm != null && !oidc.endsWith("/realms/" + realm.path("spec").path("realm").path("realm").asText())) {
            r.problems.add(id + ": QUARKUS_OIDC_AUTH_SERVER_URL " + oidc + " is not the realm the cluster imports");
        }
        if (!oidc.isEmpty()) {
            URI uri = URI.create(oidc);
            r.servicePort(d, uri.getHost(), String.valueOf(uri.getPort()));
        }
    }

    /**
     * The service's pods reach only their database, the broker and Keycloak (and DNS): some NetworkPolicy
     * limits their egress, every egress peer is one of those, and each of the three is allowed.
     */
    private void networkPolicy(JsonNode d, Map<String, String> env) {
        String id = Manifests.id(d);
        JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
        Map<String, Map<String, String>> allowed = new LinkedHashMap<>(); // what → labels of its pods
        String jdbcHost = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "").replaceAll("jdbc:postgresql://([^:/]+).*", "$1");
        allowed.put("its database", Map.of("cnpg.io/cluster", jdbcHost.replaceAll("-(rw|ro|r)$", "")));
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(":")[0];
        allowed.put("the broker", Map.of("strimzi.io/cluster", bootstrap.replaceAll("-kafka-bootstrap$", "")));
        allowed.put("Keycloak", Map.of("app", "keycloak"));
        allowed.put("DNS", Map.of("k8s-app", "kube-dns"));
        Set<String> reached = new TreeSet<>();
        boolean limited = false;
        for (JsonNode np : r.objects) {
            if (!np.path("kind").asText().equals("NetworkPolicy") || !selects(np.path("spec").path("podSelector"), labels)
                    || !np.path("spec").path("policyTypes").toString().contains("Egress")) {
                continue;
            }
            limited = true;
            for (JsonNode rule : np.path("spec").path("egress")) {
                if (rule.path("to").isEmpty()) {
                    r.problems.add(id + ": " + Manifests.id(np) + " lets it reach any destination");
                }
                for (JsonNode peer : rule.path("to")) {
                    JsonNode peerLabels = peer.path("podSelector").path("matchLabels");
                    String what = allowed.entrySet().stream()
                            .filter(e -> !peerLabels.isMissingNode() && e.getValue().entrySet().stream()
                                    .allMatch(l -> l.getValue().equals(peerLabels.path(l.getKey()).asText(null))))
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                    if (what == null) {
                        r.problems.add(id + ": " + Manifests.id(np) + " lets it reach " + peer + ", not only its database, the broker and Keycloak");
                    } else {
                        reached.add(what);
                    }
                }
            }
        }
        if (!limited) {
            r.problems.add(id + ": no NetworkPolicy limits its egress");
        } else {
            allowed.keySet().stream().filter(w -> !reached.contains(w))
                    .forEach(w -> r.problems.add(id + ": its NetworkPolicies do not let it reach " + w));
        }
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.path("matchLabels");
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = match.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private void probe(String id, JsonNode c, String probe, String path, int management, Map<String, Integer> ports) {
        JsonNode get = c.path(probe).path("httpGet");
        JsonNode port = get.path("port");
        Integer number = port.isInt() ? Integer.valueOf(port.asInt()) : ports.get(port.asText());
        if (!path.equals(get.path("path").asText()) || !Integer.valueOf(management).equals(number)) {
            r.problems.add(id + ": " + probe + " must GET " + path + " on the management port " + management);
        }
    }

    private void database(String id, ServiceConfig s, Map<String, String> env) {
        String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        if (!m.matches()) {
            r.problems.add(id + ": QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL URL: " + url);
            return;
        }
        r.servicePort(r.first("Deployment", id), m.group(1), m.group(2));
        if (!m.group(3).equals(s.database())) {
            r.problems.add(id + ": database " + m.group(3) + " is not the service's own (" + s.database() + ")");
        }
        String user = env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", s.username());
        boolean owned = r.objects.stream().anyMatch(o -> o.path("kind").asText().equals("Database")
                && o.path("spec").path("name").asText().equals(m.group(3)) && o.path("spec").path("owner").asText().equals(user));
        if (!owned) {
            r.problems.add(id + ": no Database " + m.group(3) + " owned by " + user);
        }
        String password = env.get("QUARKUS_DATASOURCE_PASSWORD");
        boolean role = r.objects.stream().filter(o -> o.path("kind").asText().equals("Cluster"))
                .flatMap(o -> StreamSupport.stream(o.path("spec").path("managed").path("roles").spliterator(), false))
                .anyMatch(managed -> managed.path("name").asText().equals(user)
                        && ("secret:" + managed.path("passwordSecret").path("name").asText() + "/password").equals(password));
        if (!role) {
            r.problems.add(id + ": role " + user + " is not a managed role of the Cluster with the password the service reads (" + password + ")");
        }
    }

    private void kafka(String id, ServiceConfig s, Map<String, String> env) {
        for (String server : env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
            String[] hostPort = server.trim().split(":");
            if (hostPort.length == 2) {
                r.servicePort(r.first("Deployment", id), hostPort[0], hostPort[1]);
            } else {
                r.problems.add(id + ": KAFKA_BOOTSTRAP_SERVERS '" + server + "' is not host:port");
            }
        }
        Map<String, JsonNode> topics = new HashMap<>();
        for (JsonNode o : r.objects) {
            if (o.path("kind").asText().equals("KafkaTopic")) {
                topics.put(o.path("spec").path("topicName").asText(o.path("metadata").path("name").asText()), o);
            }
        }
        Set<String> used = new TreeSet<>(s.consumedTopicGroups().keySet());
        if (s.producedTopic() != null) {
            used.add(s.producedTopic());
        }
        for (String topic : used) {
            if (!topics.containsKey(topic)) {
                r.problems.add(id + ": topic " + topic + " (used by " + s.name() + ") has no KafkaTopic");
            }
        }
        // The KafkaUser whose Secret the service reads its SASL credentials from.
        String jaas = env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", "");
        JsonNode user = jaas.startsWith("secret:") ? r.first("KafkaUser", jaas.substring(7, jaas.indexOf('/'))) : null;
        if (user == null) {
            r.problems.add(id + ": KAFKA_SASL_JAAS_CONFIG does not come from a KafkaUser's Secret");
            return;
        }
        JsonNode acls = user.path("spec").path("authorization").path("acls");
        if (s.producedTopic() != null) {
            acl(id, user, acls, "topic", s.producedTopic(), "Write");
        }
        s.consumedTopicGroups().forEach((topic, group) -> {
            acl(id, user, acls, "topic", topic, "Read");
            acl(id, user, acls, "group", group, "Read");
        });
    }

    private void acl(String id, JsonNode user, JsonNode acls, String type, String name, String operation) {
        boolean allowed = StreamSupport.stream(acls.spliterator(), false).anyMatch(a -> {
            JsonNode resource = a.path("resource");
            String pattern = resource.path("name").asText();
            boolean matches = resource.path("type").asText().equals(type) && (pattern.equals("*")
                    || (resource.path("patternType").asText("literal").equals("prefix") ? name.startsWith(pattern) : name.equals(pattern)));
            boolean deny = a.path("type").asText("allow").equals("deny");
            return matches && !deny && StreamSupport.stream(a.path("operations").spliterator(), false)
                    .anyMatch(op -> op.asText().equals(operation) || op.asText().equals("All"));
        });
        if (!allowed) {
            r.problems.add(id + ": " + Manifests.id(user) + " has no ACL allowing " + operation + " on " + type + " " + name);
        }
    }
}
