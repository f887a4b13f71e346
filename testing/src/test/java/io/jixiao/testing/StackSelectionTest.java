package io.jixiao.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jixiao.testing.StackSelection.Stack;

class StackSelectionTest {

    private static final BooleanSupplier ENGINE = () -> true;
    private static final BooleanSupplier NO_ENGINE = () -> false;

    @Test
    void forcedContainersWithAnEngine() {
        assertEquals(Stack.CONTAINERS, StackSelection.choose("containers", ENGINE).stack());
    }

    @Test
    void forcedContainersWithoutAnEngineFailsAndSaysWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StackSelection.choose("containers", NO_ENGINE));
        assertTrue(e.getMessage().contains("no container engine answers"), e.getMessage());
        assertTrue(e.getMessage().contains("jixiao.test.stack=embedded"), e.getMessage());
    }

    @Test
    void forcedEmbeddedNeverAsksTheEngine() {
        AtomicInteger asked = new AtomicInteger();
        StackSelection.Choice choice = StackSelection.choose(" Embedded ", () -> asked.incrementAndGet() > 0);
        assertEquals(Stack.EMBEDDED, choice.stack());
        assertEquals(0, asked.get());
    }

    @Test
    void autoWithAnEngineTakesContainers() {
        for (String auto : new String[] { null, "", "auto", "AUTO" }) {
            StackSelection.Choice choice = StackSelection.choose(auto, ENGINE);
            assertEquals(Stack.CONTAINERS, choice.stack(), String.valueOf(auto));
            assertEquals("a container engine answers", choice.reason());
        }
    }

    @Test
    void autoWithoutAnEngineTakesTheEmbeddedLaunchers() {
        for (String auto : new String[] { null, " ", "auto" }) {
            StackSelection.Choice choice = StackSelection.choose(auto, NO_ENGINE);
            assertEquals(Stack.EMBEDDED, choice.stack(), String.valueOf(auto));
            assertEquals("no container engine answers", choice.reason());
        }
    }

    @Test
    void anUnknownValueIsRefusedRatherThanGuessed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StackSelection.choose("docker", ENGINE));
        assertTrue(e.getMessage().contains("containers, embedded, auto"), e.getMessage());
    }

    @Test
    void engineHintsDockerHostAConfigFileOrASocket(@TempDir Path home) throws IOException {
        Path runtime = Files.createDirectories(home.resolve("run"));
        Map<String, String> noEnv = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        // /var/run/docker.sock is the machine's: only assert "no hint" where it is absent
        if (!Files.exists(Path.of("/var/run/docker.sock"))) {
            assertFalse(ContainerEngine.hinted(noEnv, home));
        }
        assertTrue(ContainerEngine.hinted(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home));
        Files.createDirectories(runtime.resolve("podman"));
        Files.createFile(runtime.resolve("podman/podman.sock"));
        assertTrue(ContainerEngine.hinted(noEnv, home));
        Files.delete(runtime.resolve("podman/podman.sock"));
        Files.createFile(home.resolve(".testcontainers.properties"));
        assertTrue(ContainerEngine.hinted(Map.of(), home));
    }

    @Test
    void thisMachineWithoutAnEngineDecidesEmbedded() {
        // the default of the test command here: no engine, no property → the launchers, as before
        if (ContainerEngine.hinted(System.getenv(), Path.of(System.getProperty("user.home")))) {
            return;
        }
        assertFalse(ContainerEngine.reachable());
        assertEquals(Stack.EMBEDDED, StackSelection.choose(null, ContainerEngine::reachable).stack());
    }
}
