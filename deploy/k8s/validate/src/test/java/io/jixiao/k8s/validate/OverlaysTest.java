package io.jixiao.k8s.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** Every overlay of deploy/k8s/overlays renders with `kubectl kustomize` and passes every check. */
class OverlaysTest {

    /** The repository root: the first folder upwards from here that holds deploy/k8s/overlays. */
    static final Path REPO = repo();

    private static Path repo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s/overlays"))) {
                return p;
            }
        }
        throw new IllegalStateException("no deploy/k8s/overlays above " + Path.of("").toAbsolutePath());
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayRendersAndValidates() throws IOException {
        Validator validator = new Validator(REPO);
        Path target = Path.of("target/rendered");
        Files.createDirectories(target);
        List<Path> overlays;
        try (Stream<Path> dirs = Files.list(REPO.resolve("deploy/k8s/overlays"))) {
            overlays = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(overlays.size() >= 2, "overlays dev and prod");
        return overlays.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String yaml = Manifests.kustomize(dir);
            // kept for reading when a check fails
            Files.writeString(target.resolve(dir.getFileName() + ".yaml"), yaml);
            List<JsonNode> objects = Manifests.parse(yaml);
            List<String> problems = validator.validate(objects);
            assertEquals(List.of(), problems, dir + ":\n" + String.join("\n", problems));
            Set<String> deployments = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
                    .map(o -> o.path("metadata").path("name").asText()).collect(Collectors.toSet());
            assertTrue(deployments.containsAll(validator.services().keySet()),
                    "a Deployment per service: " + validator.services().keySet() + ", rendered " + deployments);
        }));
    }
}
