package io.jixiao.k8s.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** Schema and cross-reference checks of one rendered overlay, with the repository's services and lists. */
public final class Validator {

    private final SchemaCheck schemas;
    private final Map<String, ServiceConfig> services;
    private final Map<String, Set<String>> external;
    private final Map<String, String> apiRoutes;

    public Validator(Path repo) {
        this.schemas = new SchemaCheck(repo.resolve("deploy/k8s/vendor"));
        this.services = services(repo);
        this.external = external(repo.resolve("deploy/k8s/external-secrets.tsv"));
        this.apiRoutes = apiRoutes(repo.resolve("frontend/proxy.config.ts"));
    }

    public Map<String, ServiceConfig> services() {
        return services;
    }

    /** Every problem of the render; empty when it is valid. */
    public List<String> validate(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(schemas.check(o)));
        problems.addAll(CrossReferences.check(objects, services, external, apiRoutes));
        return problems;
    }

    /**
     * Each top-level *-service module with an application.properties, by its name (= its Deployment's),
     * over the defaults every service gets from platform (as Quarkus reads them: the service's file wins).
     */
    static Map<String, ServiceConfig> services(Path repo) {
        Map<String, ServiceConfig> result = new TreeMap<>();
        Path defaults = repo.resolve(ServiceConfig.PLATFORM_DEFAULTS);
        try (Stream<Path> dirs = Files.list(repo)) {
            dirs.filter(d -> d.getFileName().toString().endsWith("-service")).forEach(d -> {
                Path props = d.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(props)) {
                    String name = d.getFileName().toString();
                    result.put(name, ServiceConfig.read(name, defaults, props));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** API_ROUTES of frontend/proxy.config.ts ("segment: 'service',"), the one routing table of /api/v1. */
    static Map<String, String> apiRoutes(Path proxyConfig) {
        Map<String, String> routes = new TreeMap<>();
        try {
            String ts = Files.readString(proxyConfig);
            int start = ts.indexOf("API_ROUTES");
            String table = ts.substring(start, ts.indexOf('}', start));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+|'[a-z-]+'):\\s*'([a-z]+)'").matcher(table);
            while (m.find()) {
                routes.put(m.group(1).replace("'", ""), m.group(2));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read API_ROUTES from " + proxyConfig, e);
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("no API_ROUTES in " + proxyConfig);
        }
        return routes;
    }

    /** deploy/k8s/external-secrets.tsv: "Kind/name" → keys. */
    static Map<String, Set<String>> external(Path tsv) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(tsv)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                result.put(cols[0] + "/" + cols[1], Set.copyOf(Arrays.asList(cols[2].split(","))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
