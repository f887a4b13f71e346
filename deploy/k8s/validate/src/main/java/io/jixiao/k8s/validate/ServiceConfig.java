package io.jixiao.k8s.validate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's deployment must agree with, read from its src/main/resources/application.properties
 * over platform's defaults ({@link #PLATFORM_DEFAULTS}):
 * ports, database, the topic its outbox publishes, the topics and groups it consumes, and the env
 * variables it can be configured with (its properties in env form and the ${ENV} names it reads).
 */
public record ServiceConfig(String name, int httpPort, int managementPort, String database, String username,
        String producedTopic, Map<String, String> consumedTopicGroups, Set<String> envNames) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    /** The settings all services share, in the platform jar; a service's own file overrides them. */
    public static final String PLATFORM_DEFAULTS = "platform/src/main/resources/META-INF/microprofile-config.properties";

    public static ServiceConfig read(String name, Path platformDefaults, Path applicationProperties) {
        Properties p = new Properties();
        for (Path file : new Path[] {platformDefaults, applicationProperties}) {
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r); // later files replace earlier keys
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> consumed = new TreeMap<>();
        Set<String> env = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue; // profile-only (test): not what runs in a cluster
            }
            env.add(envName(key));
            Matcher m = ENV_REFERENCE.matcher(p.getProperty(key));
            while (m.find()) {
                env.add(m.group(1));
            }
            Matcher in = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
            if (in.matches()) {
                consumed.put(p.getProperty(key),
                        p.getProperty("mp.messaging.incoming." + in.group(1) + ".group.id", p.getProperty("kafka.group.id")));
            }
        }
        String url = p.getProperty("quarkus.datasource.jdbc.url", "");
        return new ServiceConfig(name, Integer.parseInt(p.getProperty("quarkus.http.port", "8080")),
                Integer.parseInt(p.getProperty("quarkus.management.port", "9000")),
                url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""),
                p.getProperty("quarkus.datasource.username"), p.getProperty("jixiao.outbox.topic"), consumed, env);
    }

    /** The env variable MicroProfile Config maps onto a property: upper case, every other character '_'. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Env names accepted though no property of application.properties names them, each for a reason:
     * the database password is deliberately not in the file; KAFKA_* are Kafka client settings passed to every
     * client of the service (security protocol, SASL, truststore); JAVA_TOOL_OPTIONS is read by the JVM,
     * MALLOC_ARENA_MAX by glibc.
     */
    static boolean acceptedWithoutProperty(String env) {
        return env.equals("QUARKUS_DATASOURCE_PASSWORD") || env.startsWith("KAFKA_") || env.equals("JAVA_TOOL_OPTIONS")
                || env.equals("MALLOC_ARENA_MAX");
    }
}
