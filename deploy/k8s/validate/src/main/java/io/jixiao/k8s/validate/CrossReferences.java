package io.jixiao.k8s.validate;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final Render r;
    private final ServiceChecks serviceChecks;
    private final Map<String, ServiceConfig> services;
    /** /api/v1 segment → owning service (frontend/proxy.config.ts), empty when not known. */
    private final Map<String, String> apiRoutes;

    private CrossReferences(Render r, Map<String, ServiceConfig> services, Map<String, String> apiRoutes) {
        this.r = r;
        this.serviceChecks = new ServiceChecks(r);
        this.services = services;
        this.apiRoutes = apiRoutes;
    }

    /**
     * @param services the services' config by Deployment name
     * @param external Secrets and ConfigMaps provided outside the manifests ("Secret/name" → keys)
     * @param apiRoutes the SPA's routing table: /api/v1 segment → service (budget, evaluation, report)
     */
    public static List<String> check(List<JsonNode> objects, Map<String, ServiceConfig> services,
            Map<String, Set<String>> external, Map<String, String> apiRoutes) {
        CrossReferences c = new CrossReferences(new Render(objects, external), services, apiRoutes);
        c.run();
        return c.r.problems;
    }

    private void run() {
        for (JsonNode o : r.objects) {
            String kind = o.path("kind").asText();
            JsonNode spec = o.path("spec");
            switch (kind) {
                case "Deployment" -> deployment(o);
                case "Ingress" -> {
                    spec.path("tls").forEach(t -> r.secret(o, t.path("secretName").asText(), null));
                    for (JsonNode rule : spec.path("rules")) {
                        for (JsonNode path : rule.path("http").path("paths")) {
                            JsonNode svc = path.path("backend").path("service");
                            String port = svc.path("port").has("name") ? svc.path("port").path("name").asText()
                                    : svc.path("port").path("number").asText();
                            r.servicePort(o, svc.path("name").asText(), port);
                        }
                    }
                }
                case "ConfigMap" -> {
                    // nginx: every upstream is a Service of this render with that port.
                    o.path("data").forEach(text -> {
                        Matcher m = PROXY_PASS.matcher(text.asText());
                        while (m.find()) {
                            r.servicePort(o, m.group(1), m.group(2));
                        }
                        if (text.asText().contains("/api/v1/")) {
                            nginxRoutes(o, text.asText());
                        }
                    });
                }
                case "Cluster" -> {
                    spec.path("managed").path("roles").forEach(role -> r.secret(o, role.path("passwordSecret").path("name").asText(), "password"));
                    spec.path("backup").path("barmanObjectStore").path("s3Credentials")
                            .forEach(ref -> r.secret(o, ref.path("name").asText(), ref.path("key").asText()));
                }
                case "Keycloak" -> {
                    JsonNode db = spec.path("db");
                    for (String ref : List.of("usernameSecret", "passwordSecret")) {
                        if (db.has(ref)) {
                            r.secret(o, db.path(ref).path("name").asText(), db.path(ref).path("key").asText());
                        }
                    }
                    if (spec.path("bootstrapAdmin").path("user").has("secret")) {
                        r.secret(o, spec.path("bootstrapAdmin").path("user").path("secret").asText(), "password");
                    }
                    if (spec.path("http").has("tlsSecret")) {
                        r.secret(o, spec.path("http").path("tlsSecret").asText(), "tls.crt");
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
        for (JsonNode o : r.objects) {
            if (o.path("kind").asText().equals("Ingress")) {
                for (JsonNode rule : o.path("spec").path("rules")) {
                    rule.path("http").path("paths").forEach(p -> ingressHosts.put(rule.path("host").asText(),
                            p.path("backend").path("service").path("name").asText()));
                }
            }
        }
        JsonNode keycloak = r.first("Keycloak");
        String hostname = keycloak == null ? "" : keycloak.path("spec").path("hostname").path("hostname").asText("");
        if (!hostname.isEmpty()) {
            String host = URI.create(hostname).getHost();
            String routed = keycloak.path("metadata").path("name").asText() + "-service";
            if (!routed.equals(ingressHosts.get(host))) {
                r.problems.add(Manifests.id(keycloak) + ": hostname " + host + " is not an Ingress host routed to " + routed);
            }
            for (JsonNode o : r.objects) {
                JsonNode origin = o.path("kind").asText().equals("ConfigMap") ? o.path("data").path("KEYCLOAK_ORIGIN") : null;
                if (origin != null && !origin.isMissingNode() && !hostname.replaceAll("/+$", "").equals(origin.asText())) {
                    r.problems.add(Manifests.id(o) + ": KEYCLOAK_ORIGIN " + origin.asText() + " is not Keycloak's hostname " + hostname);
                }
            }
        }
        JsonNode realm = r.first("KeycloakRealmImport");
        if (realm != null && !ingressHosts.isEmpty()) {
            for (JsonNode client : realm.path("spec").path("realm").path("clients")) {
                for (String field : List.of("redirectUris", "webOrigins")) {
                    for (JsonNode uri : client.path(field)) {
                        String host = URI.create(uri.asText().replace("*", "")).getHost();
                        if (host != null && !ingressHosts.containsKey(host)) {
                            r.problems.add(Manifests.id(realm) + ": client " + client.path("clientId").asText() + " " + field
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
                r.problems.add(Manifests.id(topic) + ": " + key + " must be -1 (kept forever), is " + config.path(key).asText("the broker default"));
            }
        }
        if (config.has("cleanup.policy") && !"delete".equals(config.path("cleanup.policy").asText())) {
            r.problems.add(Manifests.id(topic) + ": cleanup.policy must be delete (never compacted)");
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
                r.problems.add(Manifests.id(o) + ": /api/v1/" + segment + " goes to " + routed.get(segment)
                        + " in nginx, to " + service + " in frontend/proxy.config.ts");
            }
        });
        routed.keySet().stream().filter(s -> !apiRoutes.isEmpty() && !apiRoutes.containsKey(s)).forEach(s -> r.problems
                .add(Manifests.id(o) + ": nginx routes /api/v1/" + s + ", which frontend/proxy.config.ts does not have"));
    }

    private void realmImport(JsonNode o) {
        JsonNode placeholders = o.path("spec").path("placeholders");
        placeholders.fields().forEachRemaining(e -> r.secret(o, e.getValue().path("secret").path("name").asText(),
                e.getValue().path("secret").path("key").asText()));
        Matcher m = PLACEHOLDER.matcher(o.path("spec").path("realm").toString());
        while (m.find()) {
            if (!placeholders.has(m.group(1))) {
                r.problems.add(Manifests.id(o) + ": ${" + m.group(1) + "} is used in the realm but not declared in spec.placeholders");
            }
        }
        for (JsonNode client : o.path("spec").path("realm").path("clients")) {
            String secret = client.path("secret").asText("");
            if (!secret.isEmpty() && !PLACEHOLDER.matcher(secret).matches()) {
                r.problems.add(Manifests.id(o) + ": client " + client.path("clientId").asText() + " has a literal secret (use a placeholder)");
            }
        }
        for (JsonNode user : o.path("spec").path("realm").path("users")) {
            for (JsonNode cred : user.path("credentials")) {
                if (!PLACEHOLDER.matcher(cred.path("value").asText("")).matches()) {
                    r.problems.add(Manifests.id(o) + ": user " + user.path("username").asText() + " has a literal credential");
                }
            }
        }
    }

    private void deployment(JsonNode d) {
        JsonNode pod = d.path("spec").path("template").path("spec");
        Map<String, String> volumes = new HashMap<>();
        for (JsonNode v : pod.path("volumes")) {
            if (v.has("secret")) {
                r.secret(d, v.path("secret").path("secretName").asText(), null);
                v.path("secret").path("items").forEach(i -> r.secret(d, v.path("secret").path("secretName").asText(), i.path("key").asText()));
            }
            if (v.has("configMap")) {
                r.reference(d, "ConfigMap", v.path("configMap").path("name").asText(), null);
                v.path("configMap").path("items").forEach(i -> r.reference(d, "ConfigMap", v.path("configMap").path("name").asText(), i.path("key").asText()));
            }
            volumes.put(v.path("name").asText(), v.has("emptyDir") ? "emptyDir" : "other");
        }
        for (JsonNode c : pod.path("containers")) {
            // name → value; a value from a Secret is "secret:NAME/KEY"
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode from : c.path("envFrom")) {
                if (from.has("configMapRef")) {
                    String name = from.path("configMapRef").path("name").asText();
                    r.reference(d, "ConfigMap", name, null);
                    r.objects.stream().filter(Render.kindAndName("ConfigMap", name)).findFirst()
                            .ifPresent(cm -> cm.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
                }
                if (from.has("secretRef")) {
                    r.secret(d, from.path("secretRef").path("name").asText(), null);
                }
            }
            for (JsonNode e : c.path("env")) {
                JsonNode ref = e.path("valueFrom");
                if (ref.has("secretKeyRef")) {
                    r.secret(d, ref.path("secretKeyRef").path("name").asText(), ref.path("secretKeyRef").path("key").asText());
                    env.put(e.path("name").asText(), "secret:" + ref.path("secretKeyRef").path("name").asText() + "/"
                            + ref.path("secretKeyRef").path("key").asText());
                } else if (ref.has("configMapKeyRef")) {
                    r.reference(d, "ConfigMap", ref.path("configMapKeyRef").path("name").asText(), ref.path("configMapKeyRef").path("key").asText());
                    env.put(e.path("name").asText(), "configmap:" + ref.path("configMapKeyRef").path("name").asText());
                } else {
                    env.put(e.path("name").asText(), e.path("value").asText());
                }
            }
            JsonNode sc = c.path("securityContext");
            String container = Manifests.id(d) + ": container " + c.path("name").asText();
            if (!sc.path("readOnlyRootFilesystem").asBoolean()) {
                r.problems.add(container + " must have a read-only root filesystem");
            }
            // the rest of Pod Security "restricted" (the overlays' namespaces warn below it)
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                r.problems.add(container + " must set allowPrivilegeEscalation: false");
            }
            if (!sc.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                r.problems.add(container + " must drop ALL capabilities");
            }
            String seccomp = sc.path("seccompProfile").path("type")
                    .asText(pod.path("securityContext").path("seccompProfile").path("type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                r.problems.add(container + " needs a seccompProfile RuntimeDefault");
            }
            boolean tmp = StreamSupport.stream(c.path("volumeMounts").spliterator(), false)
                    .anyMatch(m -> m.path("mountPath").asText().equals("/tmp") && "emptyDir".equals(volumes.get(m.path("name").asText())));
            if (!tmp) {
                r.problems.add(Manifests.id(d) + ": container " + c.path("name").asText() + " needs an emptyDir on /tmp");
            }
            if (c.path("resources").path("limits").path("memory").isMissingNode()) {
                r.problems.add(Manifests.id(d) + ": container " + c.path("name").asText() + " has no memory limit");
            }
            ServiceConfig service = services.get(d.path("metadata").path("name").asText());
            if (service != null) {
                serviceChecks.service(d, c, service, env);
            }
        }
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
            r.problems.add(Manifests.id(d) + ": pod must run as non-root (securityContext.runAsNonRoot)");
        }
        String name = d.path("metadata").path("name").asText();
        JsonNode selector = d.path("spec").path("selector").path("matchLabels");
        if (r.objects.stream().noneMatch(o -> o.path("kind").asText().equals("PodDisruptionBudget")
                && o.path("spec").path("selector").path("matchLabels").equals(selector))) {
            r.problems.add(Manifests.id(d) + ": no PodDisruptionBudget selects its pods");
        }
        if (r.objects.stream().noneMatch(o -> o.path("kind").asText().equals("HorizontalPodAutoscaler")
                && o.path("spec").path("scaleTargetRef").path("name").asText().equals(name))) {
            r.problems.add(Manifests.id(d) + ": no HorizontalPodAutoscaler scales it");
        }
    }
}
