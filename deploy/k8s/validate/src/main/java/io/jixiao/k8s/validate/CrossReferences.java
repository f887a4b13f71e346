package io.jixiao.k8s.validate;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The references between the objects of one rendered overlay, and between them and the services' config:
 * Secrets and ConfigMaps (and their keys) exist or are listed as external; Services behind Ingresses and
 * nginx exist with that port; each service's ports, probes and env match its application.properties and
 * point at the database, broker and Keycloak of the same render; every topic a service uses is a KafkaTopic
 * and its KafkaUser's ACLs cover it; the realm import declares each placeholder it uses.
 */
public final class CrossReferences {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(JIXIAO_[A-Z0-9_]+)\\}");
    private static final Pattern NGINX_API_ROUTE = Pattern
            .compile("location ~ \\^/api/v1/\\(([a-z|-]+)\\)[^{]*\\{\\s*proxy_pass http://jixiao_([a-z]+);");
    /** An upstream server of the wrapper: a Service of this render, with that port. */
    private static final Pattern PROXY_PASS = Pattern.compile("upstream\\s+jixiao_[a-z]+\\s*\\{\\s*server\\s+([a-z0-9-]+):(\\d+)");

    private final List<JsonNode> objects;
    private final Map<String, ServiceConfig> services;
    /** /api/v1 segment → owning service (frontend/proxy.config.ts), empty when not known. */
    private final Map<String, String> apiRoutes;
    /** "Secret/name" or "ConfigMap/name" → its keys (null: keys not known). */
    private final Map<String, Set<String>> available = new HashMap<>();
    /** Service name → ports (numbers and names as text). */
    private final Map<String, Set<String>> servicePorts = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private CrossReferences(List<JsonNode> objects, Map<String, ServiceConfig> services, Map<String, Set<String>> external,
            Map<String, String> apiRoutes) {
        this.objects = objects;
        this.services = services;
        this.apiRoutes = apiRoutes;
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

    /**
     * @param services the services' config by Deployment name
     * @param external Secrets and ConfigMaps provided outside the manifests ("Secret/name" → keys)
     * @param apiRoutes the SPA's routing table: /api/v1 segment → service (budget, evaluation, report)
     */
    public static List<String> check(List<JsonNode> objects, Map<String, ServiceConfig> services,
            Map<String, Set<String>> external, Map<String, String> apiRoutes) {
        CrossReferences c = new CrossReferences(objects, services, external, apiRoutes);
        c.run();
        return c.problems;
    }

    private void run() {
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            JsonNode spec = o.path("spec");
            switch (kind) {
                case "Deployment" -> deployment(o);
                case "Ingress" -> {
                    spec.path("tls").forEach(t -> secret(o, t.path("secretName").asText(), null));
                    for (JsonNode rule : spec.path("rules")) {
                        for (JsonNode path : rule.path("http").path("paths")) {
                            JsonNode svc = path.path("backend").path("service");
                            String port = svc.path("port").has("name") ? svc.path("port").path("name").asText()
                                    : svc.path("port").path("number").asText();
                            servicePort(o, svc.path("name").asText(), port);
                        }
                    }
                }
                case "ConfigMap" -> {
                    // nginx: every upstream is a Service of this render with that port.
                    o.path("data").forEach(text -> {
                        Matcher m = PROXY_PASS.matcher(text.asText());
                        while (m.find()) {
                            servicePort(o, m.group(1), m.group(2));
                        }
                        if (text.asText().contains("/api/v1/")) {
                            nginxRoutes(o, text.asText());
                        }
                    });
                }
                case "Cluster" -> {
                    spec.path("managed").path("roles").forEach(r -> secret(o, r.path("passwordSecret").path("name").asText(), "password"));
                    spec.path("backup").path("barmanObjectStore").path("s3Credentials")
                            .forEach(ref -> secret(o, ref.path("name").asText(), ref.path("key").asText()));
                }
                case "Keycloak" -> {
                    JsonNode db = spec.path("db");
                    for (String ref : List.of("usernameSecret", "passwordSecret")) {
                        if (db.has(ref)) {
                            secret(o, db.path(ref).path("name").asText(), db.path(ref).path("key").asText());
                        }
                    }
                    if (spec.path("bootstrapAdmin").path("user").has("secret")) {
                        secret(o, spec.path("bootstrapAdmin").path("user").path("secret").asText(), "password");
                    }
                    if (spec.path("http").has("tlsSecret")) {
                        secret(o, spec.path("http").path("tlsSecret").asText(), "tls.crt");
                    }
                }
                case "KeycloakRealmImport" -> realmImport(o);
                case "KafkaTopic" -> keptForever(o);
                default -> {
                }
            }
        }
        hosts();
    }

    /**
     * One public name per entry point, the same everywhere an overlay sets it: Keycloak's fixed hostname is an
     * Ingress host routed to Keycloak, the SPA's origin (web's KEYCLOAK_ORIGIN for its CSP) is that hostname,
     * and the SPA client's redirect URIs and web origins are Ingress hosts.
     */
    private void hosts() {
        Map<String, String> ingressHosts = new HashMap<>(); // host → backend Service
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("Ingress")) {
                for (JsonNode rule : o.path("spec").path("rules")) {
                    rule.path("http").path("paths").forEach(p -> ingressHosts.put(rule.path("host").asText(),
                            p.path("backend").path("service").path("name").asText()));
                }
            }
        }
        JsonNode keycloak = first("Keycloak");
        String hostname = keycloak == null ? "" : keycloak.path("spec").path("hostname").path("hostname").asText("");
        if (!hostname.isEmpty()) {
            String host = URI.create(hostname).getHost();
            String routed = keycloak.path("metadata").path("name").asText() + "-service";
            if (!routed.equals(ingressHosts.get(host))) {
                problems.add(Manifests.id(keycloak) + ": hostname " + host + " is not an Ingress host routed to " + routed);
            }
            for (JsonNode o : objects) {
                JsonNode origin = o.path("kind").asText().equals("ConfigMap") ? o.path("data").path("KEYCLOAK_ORIGIN") : null;
                if (origin != null && !origin.isMissingNode() && !hostname.replaceAll("/+$", "").equals(origin.asText())) {
                    problems.add(Manifests.id(o) + ": KEYCLOAK_ORIGIN " + origin.asText() + " is not Keycloak's hostname " + hostname);
                }
            }
        }
        JsonNode realm = first("KeycloakRealmImport");
        if (realm != null && !ingressHosts.isEmpty()) {
            for (JsonNode client : realm.path("spec").path("realm").path("clients")) {
                for (String field : List.of("redirectUris", "webOrigins")) {
                    for (JsonNode uri : client.path(field)) {
                        String host = URI.create(uri.asText().replace("*", "")).getHost();
                        if (host != null && !ingressHosts.containsKey(host)) {
                            problems.add(Manifests.id(realm) + ": client " + client.path("clientId").asText() + " " + field
                                    + " " + uri.asText() + " is no Ingress host " + ingressHosts.keySet());
                        }
                    }
                }
            }
        }
    }

    /**
     * Every topic is kept forever and never compacted (README, "Configuration for real deployments"):
     * report-service rebuilds its read model by replaying them, and one key carries several event types.
     */
    private void keptForever(JsonNode topic) {
        JsonNode config = topic.path("spec").path("config");
        for (String key : List.of("retention.ms", "retention.bytes")) {
            if (!"-1".equals(config.path(key).asText())) {
                problems.add(Manifests.id(topic) + ": " + key + " must be -1 (kept forever), is " + config.path(key).asText("the broker default"));
            }
        }
        if (config.has("cleanup.policy") && !"delete".equals(config.path("cleanup.policy").asText())) {
            problems.add(Manifests.id(topic) + ": cleanup.policy must be delete (never compacted)");
        }
    }

    /** nginx routes each /api/v1 segment to the service frontend/proxy.config.ts names, and no other segment. */
    private void nginxRoutes(JsonNode o, String conf) {
        Map<String, String> routed = new HashMap<>();
        Matcher m = NGINX_API_ROUTE.matcher(conf);
        while (m.find()) {
            for (String segment : m.group(1).split("\\|")) {
                routed.put(segment, m.group(2).replaceAll("-service$", ""));
            }
        }
        apiRoutes.forEach((segment, service) -> {
            if (!service.equals(routed.get(segment))) {
                problems.add(Manifests.id(o) + ": /api/v1/" + segment + " goes to " + routed.get(segment)
                        + " in nginx, to " + service + " in frontend/proxy.config.ts");
            }
        });
        routed.keySet().stream().filter(s -> !apiRoutes.isEmpty() && !apiRoutes.containsKey(s)).forEach(s -> problems
                .add(Manifests.id(o) + ": nginx routes /api/v1/" + s + ", which frontend/proxy.config.ts does not have"));
    }

    private void realmImport(JsonNode o) {
        JsonNode placeholders = o.path("spec").path("placeholders");
        placeholders.fields().forEachRemaining(e -> secret(o, e.getValue().path("secret").path("name").asText(),
                e.getValue().path("secret").path("key").asText()));
        Matcher m = PLACEHOLDER.matcher(o.path("spec").path("realm").toString());
        while (m.find()) {
            if (!placeholders.has(m.group(1))) {
                problems.add(Manifests.id(o) + ": ${" + m.group(1) + "} is used in the realm but not declared in spec.placeholders");
            }
        }
        for (JsonNode client : o.path("spec").path("realm").path("clients")) {
            String secret = client.path("secret").asText("");
            if (!secret.isEmpty() && !PLACEHOLDER.matcher(secret).matches()) {
                problems.add(Manifests.id(o) + ": client " + client.path("clientId").asText() + " has a literal secret (use a placeholder)");
            }
        }
        for (JsonNode user : o.path("spec").path("realm").path("users")) {
            for (JsonNode cred : user.path("credentials")) {
                if (!PLACEHOLDER.matcher(cred.path("value").asText("")).matches()) {
                    problems.add(Manifests.id(o) + ": user " + user.path("username").asText() + " has a literal credential");
                }
            }
        }
    }

    private void deployment(JsonNode d) {
        JsonNode pod = d.path("spec").path("template").path("spec");
        Map<String, String> volumes = new HashMap<>();
        for (JsonNode v : pod.path("volumes")) {
            if (v.has("secret")) {
                secret(d, v.path("secret").path("secretName").asText(), null);
                v.path("secret").path("items").forEach(i -> secret(d, v.path("secret").path("secretName").asText(), i.path("key").asText()));
            }
            if (v.has("configMap")) {
                reference(d, "ConfigMap", v.path("configMap").path("name").asText(), null);
                v.path("configMap").path("items").forEach(i -> reference(d, "ConfigMap", v.path("configMap").path("name").asText(), i.path("key").asText()));
            }
            volumes.put(v.path("name").asText(), v.has("emptyDir") ? "emptyDir" : "other");
        }
        for (JsonNode c : pod.path("containers")) {
            // name → value; a value from a Secret is "secret:NAME/KEY"
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode from : c.path("envFrom")) {
                if (from.has("configMapRef")) {
                    String name = from.path("configMapRef").path("name").asText();
                    reference(d, "ConfigMap", name, null);
                    objects.stream().filter(kindAndName("ConfigMap", name)).findFirst()
                            .ifPresent(cm -> cm.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
                }
                if (from.has("secretRef")) {
                    secret(d, from.path("secretRef").path("name").asText(), null);
                }
            }
            for (JsonNode e : c.path("env")) {
                JsonNode ref = e.path("valueFrom");
                if (ref.has("secretKeyRef")) {
                    secret(d, ref.path("secretKeyRef").path("name").asText(), ref.path("secretKeyRef").path("key").asText());
                    env.put(e.path("name").asText(), "secret:" + ref.path("secretKeyRef").path("name").asText() + "/"
                            + ref.path("secretKeyRef").path("key").asText());
                } else if (ref.has("configMapKeyRef")) {
                    reference(d, "ConfigMap", ref.path("configMapKeyRef").path("name").asText(), ref.path("configMapKeyRef").path("key").asText());
                    env.put(e.path("name").asText(), "configmap:" + ref.path("configMapKeyRef").path("name").asText());
                } else {
                    env.put(e.path("name").asText(), e.path("value").asText());
                }
            }
            JsonNode sc = c.path("securityContext");
            String container = Manifests.id(d) + ": container " + c.path("name").asText();
            if (!sc.path("readOnlyRootFilesystem").asBoolean()) {
                problems.add(container + " must have a read-only root filesystem");
            }
            // the rest of Pod Security "restricted" (the overlays' namespaces warn below it)
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(container + " must set allowPrivilegeEscalation: false");
            }
            if (!sc.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                problems.add(container + " must drop ALL capabilities");
            }
            String seccomp = sc.path("seccompProfile").path("type")
                    .asText(pod.path("securityContext").path("seccompProfile").path("type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                problems.add(container + " needs a seccompProfile RuntimeDefault");
            }
            boolean tmp = StreamSupport.stream(c.path("volumeMounts").spliterator(), false)
                    .anyMatch(m -> m.path("mountPath").asText().equals("/tmp") && "emptyDir".equals(volumes.get(m.path("name").asText())));
            if (!tmp) {
                problems.add(Manifests.id(d) + ": container " + c.path("name").asText() + " needs an emptyDir on /tmp");
            }
            if (c.path("resources").path("limits").path("memory").isMissingNode()) {
                problems.add(Manifests.id(d) + ": container " + c.path("name").asText() + " has no memory limit");
            }
            ServiceConfig service = services.get(d.path("metadata").path("name").asText());
            if (service != null) {
                service(d, c, service, env);
            }
        }
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
            problems.add(Manifests.id(d) + ": pod must run as non-root (securityContext.runAsNonRoot)");
        }
        String name = d.path("metadata").path("name").asText();
        JsonNode selector = d.path("spec").path("selector").path("matchLabels");
        if (objects.stream().noneMatch(o -> o.path("kind").asText().equals("PodDisruptionBudget")
                && o.path("spec").path("selector").path("matchLabels").equals(selector))) {
            problems.add(Manifests.id(d) + ": no PodDisruptionBudget selects its pods");
        }
        if (objects.stream().noneMatch(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler")
                && o.path("spec").path("scaleTargetRef").path("name").asText().equals(name))) {
            problems.add(Manifests.id(d) + ": no HorizontalPodAutoscaler scales it");
        }
    }

    /** A Quarkus service's container against its application.properties and the rest of the render. */
    private void service(JsonNode d, JsonNode c, ServiceConfig s, Map<String, String> env) {
        String id = Manifests.id(d);
        for (String name : env.keySet()) {
            if (!s.envNames().contains(name) && !ServiceConfig.acceptedWithoutProperty(name)) {
                problems.add(id + ": env " + name + " is no setting of " + s.name() + " (not in its application.properties)");
            }
        }
        int http = Integer.parseInt(env.getOrDefault("QUARKUS_HTTP_PORT", String.valueOf(s.httpPort())));
        int management = Integer.parseInt(env.getOrDefault("QUARKUS_MANAGEMENT_PORT", String.valueOf(s.managementPort())));
        Map<String, Integer> ports = new HashMap<>();
        c.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        if (!Integer.valueOf(http).equals(ports.get("http"))) {
            problems.add(id + ": container port http is " + ports.get("http") + ", the service listens on " + http);
        }
        if (!Integer.valueOf(management).equals(ports.get("management"))) {
            problems.add(id + ": container port management is " + ports.get("management") + ", health is served on " + management);
        }
        for (String host : List.of("QUARKUS_HTTP_HOST", "QUARKUS_MANAGEMENT_HOST")) {
            if (!"0.0.0.0".equals(env.get(host))) {
                problems.add(id + ": " + host + " must be 0.0.0.0 (application.properties binds 127.0.0.1, unreachable from outside the pod)");
            }
        }
        networkPolicy(d, env);
        probe(id, c, "livenessProbe", "/q/health/live", management, ports);
        probe(id, c, "readinessProbe", "/q/health/ready", management, ports);
        database(id, s, env);
        kafka(id, s, env);
        String oidc = env.getOrDefault("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        JsonNode realm = first("KeycloakRealmImport");
        if (realm != null && !oidc.endsWith("/realms/" + realm.path("spec").path("realm").path("realm").asText())) {
            problems.add(id + ": QUARKUS_OIDC_AUTH_SERVER_URL " + oidc + " is not the realm the cluster imports");
        }
        if (!oidc.isEmpty()) {
            URI uri = URI.create(oidc);
            servicePort(d, uri.getHost(), String.valueOf(uri.getPort()));
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
        for (JsonNode np : objects) {
            if (!np.path("kind").asText().equals("NetworkPolicy") || !selects(np.path("spec").path("podSelector"), labels)
                    || !np.path("spec").path("policyTypes").toString().contains("Egress")) {
                continue;
            }
            limited = true;
            for (JsonNode rule : np.path("spec").path("egress")) {
                if (rule.path("to").isEmpty()) {
                    problems.add(id + ": " + Manifests.id(np) + " lets it reach any destination");
                }
                for (JsonNode peer : rule.path("to")) {
                    JsonNode peerLabels = peer.path("podSelector").path("matchLabels");
                    String what = allowed.entrySet().stream()
                            .filter(e -> !peerLabels.isMissingNode() && e.getValue().entrySet().stream()
                                    .allMatch(l -> l.getValue().equals(peerLabels.path(l.getKey()).asText(null))))
                            .map(Map.Entry::getKey).findFirst().orElse(null);
                    if (what == null) {
                        problems.add(id + ": " + Manifests.id(np) + " lets it reach " + peer + ", not only its database, the broker and Keycloak");
                    } else {
                        reached.add(what);
                    }
                }
            }
        }
        if (!limited) {
            problems.add(id + ": no NetworkPolicy limits its egress");
        } else {
            allowed.keySet().stream().filter(w -> !reached.contains(w))
                    .forEach(w -> problems.add(id + ": its NetworkPolicies do not let it reach " + w));
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
            problems.add(id + ": " + probe + " must GET " + path + " on the management port " + management);
        }
    }

    private void database(String id, ServiceConfig s, Map<String, String> env) {
        String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        if (!m.matches()) {
            problems.add(id + ": QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL URL: " + url);
            return;
        }
        servicePort(first("Deployment", id), m.group(1), m.group(2));
        if (!m.group(3).equals(s.database())) {
            problems.add(id + ": database " + m.group(3) + " is not the service's own (" + s.database() + ")");
        }
        String user = env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", s.username());
        boolean owned = objects.stream().anyMatch(o -> o.path("kind").asText().equals("Database")
                && o.path("spec").path("name").asText().equals(m.group(3)) && o.path("spec").path("owner").asText().equals(user));
        if (!owned) {
            problems.add(id + ": no Database " + m.group(3) + " owned by " + user);
        }
        String password = env.get("QUARKUS_DATASOURCE_PASSWORD");
        boolean role = objects.stream().filter(o -> o.path("kind").asText().equals("Cluster"))
                .flatMap(o -> StreamSupport.stream(o.path("spec").path("managed").path("roles").spliterator(), false))
                .anyMatch(r -> r.path("name").asText().equals(user)
                        && ("secret:" + r.path("passwordSecret").path("name").asText() + "/password").equals(password));
        if (!role) {
            problems.add(id + ": role " + user + " is not a managed role of the Cluster with the password the service reads (" + password + ")");
        }
    }

    private void kafka(String id, ServiceConfig s, Map<String, String> env) {
        for (String server : env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
            String[] hostPort = server.trim().split(":");
            if (hostPort.length == 2) {
                servicePort(first("Deployment", id), hostPort[0], hostPort[1]);
            } else {
                problems.add(id + ": KAFKA_BOOTSTRAP_SERVERS '" + server + "' is not host:port");
            }
        }
        Map<String, JsonNode> topics = new HashMap<>();
        for (JsonNode o : objects) {
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
                problems.add(id + ": topic " + topic + " (used by " + s.name() + ") has no KafkaTopic");
            }
        }
        // The KafkaUser whose Secret the service reads its SASL credentials from.
        String jaas = env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", "");
        JsonNode user = jaas.startsWith("secret:") ? first("KafkaUser", jaas.substring(7, jaas.indexOf('/'))) : null;
        if (user == null) {
            problems.add(id + ": KAFKA_SASL_JAAS_CONFIG does not come from a KafkaUser's Secret");
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
            JsonNode r = a.path("resource");
            String pattern = r.path("name").asText();
            boolean matches = r.path("type").asText().equals(type) && (pattern.equals("*")
                    || (r.path("patternType").asText("literal").equals("prefix") ? name.startsWith(pattern) : name.equals(pattern)));
            boolean deny = a.path("type").asText("allow").equals("deny");
            return matches && !deny && StreamSupport.stream(a.path("operations").spliterator(), false)
                    .anyMatch(op -> op.asText().equals(operation) || op.asText().equals("All"));
        });
        if (!allowed) {
            problems.add(id + ": " + Manifests.id(user) + " has no ACL allowing " + operation + " on " + type + " " + name);
        }
    }

    private void secret(JsonNode from, String name, String key) {
        reference(from, "Secret", name, key);
    }

    private void reference(JsonNode from, String kind, String name, String key) {
        String ref = kind + "/" + name;
        if (!available.containsKey(ref)) {
            problems.add(Manifests.id(from) + ": " + kind + " " + name + " does not exist and is not listed as external");
        } else if (key != null && !key.isEmpty() && available.get(ref) != null && !available.get(ref).contains(key)) {
            problems.add(Manifests.id(from) + ": " + kind + " " + name + " has no key " + key + " (keys: " + available.get(ref) + ")");
        }
    }

    private void servicePort(JsonNode from, String service, String port) {
        String who = from == null ? "?" : Manifests.id(from);
        if (!servicePorts.containsKey(service)) {
            problems.add(who + ": Service " + service + " does not exist (nor is it made by an operator from this render)");
        } else if (!servicePorts.get(service).contains(port)) {
            problems.add(who + ": Service " + service + " has no port " + port + " (ports: " + servicePorts.get(service) + ")");
        }
    }

    private JsonNode first(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElse(null);
    }

    private JsonNode first(String kind, String nameOrId) {
        String name = nameOrId.startsWith(kind + "/") ? nameOrId.substring(kind.length() + 1) : nameOrId;
        return objects.stream().filter(kindAndName(kind, name)).findFirst().orElse(null);
    }

    private static Predicate<JsonNode> kindAndName(String kind, String name) {
        return o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name);
    }
}
