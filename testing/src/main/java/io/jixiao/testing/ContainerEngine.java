package io.jixiao.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.testcontainers.DockerClientFactory;

/** Does a container engine answer? The real check that {@link StackSelection} is handed. */
final class ContainerEngine {

    private ContainerEngine() {
    }

    static boolean reachable() {
        // without any hint of an engine, Testcontainers is not asked: its probing costs seconds and log noise
        if (!hinted(System.getenv(), Path.of(System.getProperty("user.home")))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** DOCKER_HOST, a Testcontainers configuration, or a Docker/Podman socket where one usually lives. */
    static boolean hinted(Map<String, String> env, Path home) {
        if (!env.getOrDefault("DOCKER_HOST", "").isBlank()) {
            return true;
        }
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".testcontainers.properties")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman/podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }
}
