package io.jixiao.k8s.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of mistake fails validation. Small manifests written here: a minimal valid budget-service setup
 * (VALID) and one change to it per test.
 */
class NegativeTest {

    static Validator validator;

    @BeforeAll
    static void load() {
        validator = new Validator(OverlaysTest.REPO);
    }

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: budget-service}
            spec:
              selector: {matchLabels: {app: budget}}
              template:
                metadata: {labels: {app: budget}}
                spec:
                  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                  containers:
                    - name: budget-service
                      image: jixiao/budget-service:1
                      ports: [{name: http, containerPort: 8081}, {name: management, containerPort: 9081}]
                      env:
                        - {name: QUARKUS_HTTP_HOST, value: 0.0.0.0}
                        - {name: QUARKUS_MANAGEMENT_HOST, value: 0.0.0.0}
                        - {name: QUARKUS_DATASOURCE_JDBC_URL, value: "jdbc:postgresql://pg-rw:5432/budget"}
                        - {name: QUARKUS_DATASOURCE_USERNAME, value: jixiao_budget}
                        - {name: QUARKUS_DATASOURCE_PASSWORD, valueFrom: {secretKeyRef: {name: jixiao-pg-budget, key: password}}}
                        - {name: KAFKA_BOOTSTRAP_SERVERS, value: "k-kafka-bootstrap:9093"}
                        - {name: KAFKA_SASL_JAAS_CONFIG, valueFrom: {secretKeyRef: {name: budget-service, key: sasl.jaas.config}}}
                        - {name: QUARKUS_OIDC_AUTH_SERVER_URL, value: "http://kc-service:8080/realms/jixiao"}
                      resources: {limits: {memory: 768Mi}}
                      livenessProbe: {httpGet: {path: /q/health/live, port: management}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: management}}
                      securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                      volumeMounts: [{name: tmp, mountPath: /tmp}]
                  volumes: [{name: tmp, emptyDir: {}}]
            """;
    static final String REST = """
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: budget-service}
            spec: {minAvailable: 1, selector: {matchLabels: {app: budget}}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: budget-service}
            spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: budget-service}, maxReplicas: 2}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: budget-service}
            spec:
              podSelector: {matchLabels: {app: budget}}
              policyTypes: [Egress]
              egress:
                - to: [{podSelector: {matchLabels: {cnpg.io/cluster: pg}}}]
                - to: [{podSelector: {matchLabels: {strimzi.io/cluster: k}}}]
                - to: [{podSelector: {matchLabels: {app: keycloak}}}]
                - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: pg}
            spec:
              instances: 3
              storage: {size: 1Gi}
              managed:
                roles: [{name: jixiao_budget, login: true, passwordSecret: {name: jixiao-pg-budget}}]
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Database
            metadata: {name: budget}
            spec: {cluster: {name: pg}, name: budget, owner: jixiao_budget}
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: Kafka
            metadata: {name: k}
            spec:
              kafka:
                listeners: [{name: scram, port: 9093, type: internal, tls: true, authentication: {type: scram-sha-512}}]
            ---
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: Keycloak
            metadata: {name: kc}
            spec: {instances: 1, http: {httpEnabled: true}}
            ---
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: KeycloakRealmImport
            metadata: {name: jixiao}
            spec: {keycloakCRName: kc, realm: {realm: jixiao}}
            """;
    static final String TOPICS = """
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata: {name: budget.events, labels: {strimzi.io/cluster: k}}
            spec: {partitions: 1, replicas: 1, config: {retention.ms: -1, retention.bytes: -1}}
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata: {name: report.events, labels: {strimzi.io/cluster: k}}
            spec: {partitions: 1, replicas: 1, config: {retention.ms: -1, retention.bytes: -1}}
            """;
    static final String USER = """
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaUser
            metadata: {name: budget-service, labels: {strimzi.io/cluster: k}}
            spec:
              authentication: {type: scram-sha-512}
              authorization:
                type: simple
                acls:
                  - {resource: {type: topic, name: budget.events, patternType: literal}, operations: [Write, Describe]}
                  - {resource: {type: topic, name: report.events, patternType: literal}, operations: [Read, Describe]}
                  - {resource: {type: group, name: budget-service, patternType: literal}, operations: [Read]}
            """;
    static final String VALID = DEPLOYMENT + REST + TOPICS + USER;

    static List<String> problems(String yaml) {
        return validator.validate(Manifests.parse(yaml));
    }

    static void assertFails(String yaml, String expected) {
        assertTrue(!yaml.equals(VALID), "the test's replace found nothing to change in VALID");
        List<String> problems = problems(yaml);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing '" + expected + "', got:\n" + String.join("\n", problems));
    }

    @Test
    void theMinimalSetupIsValid() {
        assertEquals(List.of(), problems(VALID));
    }

    @Test
    void unknownFieldInACoreKindFails() {
        assertFails(VALID.replace("      replicas: 2\n", "").replace("spec:\n  selector: {matchLabels: {app: budget}}",
                "spec:\n  replica: 2\n  selector: {matchLabels: {app: budget}}"), "unknown field(s) [replica]");
    }

    @Test
    void unknownFieldDeepInAPodSpecFails() {
        assertFails(VALID.replace("readOnlyRootFilesystem: true,", "readOnlyRootFilesystem: true, readOnlyRootFs: true,"),
                "unknown field(s) [readOnlyRootFs]");
    }

    @Test
    void unknownFieldInAStrimziKindFails() {
        assertFails(VALID.replace("spec: {partitions: 1, replicas: 1,", "spec: {partitions: 1, replicas: 1, retention: -1,"),
                "KafkaTopic/budget.events: unknown field(s) [retention]");
    }

    @Test
    void removedStrimziFieldFails() {
        assertFails(VALID.replace("operations: [Read]}", "operations: [Read], operation: Read}"),
                "acls[2].operation is deprecated or not part of kafka.strimzi.io/v1");
    }

    @Test
    void strimziRulesOfV1Hold() {
        // operations is required in v1 (the single operation of v1beta2 is gone)
        assertFails(VALID.replace(", operations: [Read]}", "}"), "required field .spec.authorization.acls[2].operations is missing");
        // listener names are short lower-case words; ports start at 9092
        assertFails(VALID.replace("{name: scram, port: 9093", "{name: SCRAM_TLS, port: 9093"), "does not match");
        assertFails(VALID.replace("{name: scram, port: 9093", "{name: scram, port: 80"), "below the minimum 9092");
    }

    @Test
    void unknownFieldInACloudNativePgKindFails() {
        assertFails(VALID.replace("instances: 3", "instances: 3\n  replicas: 3"), "Cluster/pg");
    }

    @Test
    void wrongTypeInAKeycloakKindFails() {
        assertFails(VALID.replace("spec: {instances: 1,", "spec: {instances: two,"), "Keycloak/kc");
    }

    @Test
    void kindWithoutSchemaFails() {
        assertFails(VALID + "---\napiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w}\n", "no schema for example.org/v1 Widget");
    }

    @Test
    void podThatIsNotRestrictedFails() {
        assertFails(VALID.replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"), "must set allowPrivilegeEscalation: false");
        assertFails(VALID.replace("readOnlyRootFilesystem: true,", "readOnlyRootFilesystem: false,"), "must have a read-only root filesystem");
        assertFails(VALID.replace("runAsNonRoot: true,", "runAsNonRoot: false,"), "must run as non-root");
        assertFails(VALID.replace("volumes: [{name: tmp, emptyDir: {}}]", "volumes: [{name: tmp, hostPath: {path: /tmp}}]"),
                "needs an emptyDir on /tmp");
    }

    @Test
    void missingSecretFails() {
        assertFails(VALID.replace("name: jixiao-pg-budget, key: password}}}", "name: jixiao-pg-budgett, key: password}}}"),
                "Secret jixiao-pg-budgett does not exist and is not listed as external");
    }

    @Test
    void missingSecretKeyFails() {
        assertFails(VALID.replace("key: sasl.jaas.config", "key: jaas"), "Secret budget-service has no key jaas");
    }

    @Test
    void missingConfigMapFails() {
        assertFails(VALID.replace("          env:\n", "          envFrom: [{configMapRef: {name: nowhere}}]\n          env:\n"),
                "ConfigMap nowhere does not exist");
    }

    @Test
    void topicWithoutKafkaTopicFails() {
        assertFails(DEPLOYMENT + REST + TOPICS.substring(0, TOPICS.indexOf("---", 4)) + USER,
                "topic report.events (used by budget-service) has no KafkaTopic");
    }

    @Test
    void topicNotKeptForeverFails() {
        assertFails(VALID.replace("retention.ms: -1, retention.bytes: -1}", "retention.ms: 604800000, retention.bytes: -1}"),
                "KafkaTopic/budget.events: retention.ms must be -1 (kept forever), is 604800000");
        assertFails(VALID.replace("retention.bytes: -1}", "retention.bytes: -1, cleanup.policy: compact}"),
                "cleanup.policy must be delete");
    }

    @Test
    void aclGapFails() {
        assertFails(VALID.replace("name: report.events, patternType: literal}, operations: [Read, Describe]",
                "name: report.events, patternType: literal}, operations: [Describe]"),
                "KafkaUser/budget-service has no ACL allowing Read on topic report.events");
        assertFails(VALID.replace("{resource: {type: group, name: budget-service, patternType: literal}, operations: [Read]}",
                "{resource: {type: group, name: budget, patternType: prefix}, operations: [Describe]}"),
                "no ACL allowing Read on group budget-service");
    }

    @Test
    void portThatIsNotTheServicesFails() {
        assertFails(VALID.replace("containerPort: 8081", "containerPort: 8080"), "container port http is 8080, the service listens on 8081");
    }

    @Test
    void envThatIsNoSettingFails() {
        assertFails(VALID.replace("QUARKUS_DATASOURCE_USERNAME, value", "QUARKUS_DATASOURCE_USER, value"),
                "env QUARKUS_DATASOURCE_USER is no setting of budget-service");
    }

    @Test
    void localhostBindingFails() {
        assertFails(VALID.replace("{name: QUARKUS_HTTP_HOST, value: 0.0.0.0}", "{name: QUARKUS_HTTP_HOST, value: 127.0.0.1}"),
                "QUARKUS_HTTP_HOST must be 0.0.0.0");
    }

    @Test
    void anotherServicesDatabaseFails() {
        assertFails(VALID.replace("5432/budget", "5432/report"), "database report is not the service's own (budget)");
    }

    @Test
    void egressBeyondDatabaseBrokerAndKeycloakFails() {
        assertFails(VALID.replace("- to: [{podSelector: {matchLabels: {app: keycloak}}}]",
                "- to: [{podSelector: {matchLabels: {app: keycloak}}}]\n    - to: [{podSelector: {matchLabels: {app: web}}}]"),
                "not only its database, the broker and Keycloak");
        assertFails(VALID.replace("    - to: [{podSelector: {matchLabels: {cnpg.io/cluster: pg}}}]\n", ""),
                "do not let it reach its database");
        assertFails(VALID.replace("policyTypes: [Egress]", "policyTypes: [Ingress]"), "no NetworkPolicy limits its egress");
    }

    @Test
    void hostsThatDisagreeFail() {
        String withIngress = VALID.replace("spec: {instances: 1, http: {httpEnabled: true}}",
                "spec: {instances: 1, http: {httpEnabled: true}, hostname: {hostname: \"https://auth.example.org\"}}")
                + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: i}
                spec:
                  rules:
                    - host: auth.example.org
                      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: kc-service, port: {number: 8080}}}}]}
                """;
        assertEquals(List.of(), problems(withIngress));
        assertFails(withIngress.replace("- host: auth.example.org", "- host: login.example.org"),
                "hostname auth.example.org is not an Ingress host routed to kc-service");
        assertFails(withIngress.replace("realm: {realm: jixiao}", "realm: {realm: jixiao, clients: [{clientId: spa, webOrigins: [\"https://spa.example.org\"]}]}"),
                "webOrigins https://spa.example.org is no Ingress host");
    }

    @Test
    void nginxRouteThatDisagreesWithTheSpaTableFails() throws Exception {
        String conf = Files.readString(OverlaysTest.REPO.resolve("deploy/nginx/site.conf"));
        String moved = conf.replace("(evaluations|templates|goals)", "(evaluations|templates)")
                .replace("(reports|filings|checks|rounds|notices|publications|public)",
                        "(reports|filings|checks|rounds|notices|publications|public|goals)");
        assertTrue(!moved.equals(conf), "site.conf still has the routes this test moves");
        String configMap = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: nginx}\ndata:\n  site.conf: "
                + Manifests.YAML.writeValueAsString(moved).replaceFirst("^---\\s*", "");
        assertFails(VALID + configMap, "/api/v1/goals goes to report in nginx, to evaluation in frontend/proxy.config.ts");
    }

    @Test
    void realmPlaceholderWithoutSecretFails() {
        assertFails(VALID.replace("realm: {realm: jixiao}", "realm: {realm: jixiao, clients: [{clientId: x, secret: \"${JIXIAO_X}\"}]}"),
                "${JIXIAO_X} is used in the realm but not declared");
    }

    @Test
    void missingKubectlFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Manifests.kustomize("/nonexistent/kubectl", OverlaysTest.REPO.resolve("deploy/k8s/overlays/dev")));
        assertTrue(e.getMessage().contains("kubectl not found") && e.getMessage().contains("prereqs.sh"), e.getMessage());
    }

    @Test
    void overlayThatDoesNotRenderFailsClearly() throws Exception {
        Path empty = Files.createTempDirectory("no-kustomization");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Manifests.kustomize(empty));
        assertTrue(e.getMessage().startsWith("kubectl kustomize " + empty + " failed"), e.getMessage());
    }
}
