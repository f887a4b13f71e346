package io.jixiao.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No class in main over 400 lines (issue 16): a class that grows past it is split where it grew, not later.
 * Reads every src/main/java of the repository (the root pom passes its folder as jixiao.repo.dir).
 */
class ClassSizeTest {

    static final int MAX_LINES = 400;
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git");

    /** Build output, dependencies and git's own files: not ours to size. */
    private static boolean skipped(Path relative) {
        for (Path name : relative) {
            if (SKIPPED.contains(name.toString())) {
                return true;
            }
        }
        return false;
    }

    static List<String> tooLong(Path repo) throws IOException {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> repo.relativize(f).toString().replace('\\', '/').contains("src/main/java/"))
                    .filter(f -> !skipped(repo.relativize(f)))
                    .map(f -> {
                        try (Stream<String> lines = Files.lines(f)) {
                            long n = lines.count();
                            return n > MAX_LINES ? repo.relativize(f) + ": " + n + " lines" : null;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(java.util.Objects::nonNull).sorted().toList();
        }
    }

    @Test
    void noClassInMainIsOver400Lines() throws IOException {
        String dir = System.getProperty("jixiao.repo.dir");
        assertNotNull(dir, "jixiao.repo.dir is set by the root pom's surefire configuration");
        Path repo = Path.of(dir);
        assertTrue(Files.isDirectory(repo.resolve("budget-service/src/main/java")), "not the repository: " + repo);
        List<String> found = tooLong(repo);
        assertTrue(found.isEmpty(), "over " + MAX_LINES + " lines: " + found);
    }

    @Test
    void findsALongClass(@org.junit.jupiter.api.io.TempDir Path repo) throws IOException {
        Path main = Files.createDirectories(repo.resolve("x/src/main/java/a"));
        Files.writeString(main.resolve("Long.java"), "//\n".repeat(MAX_LINES + 1));
        Files.writeString(main.resolve("Short.java"), "//\n".repeat(MAX_LINES));
        Path built = Files.createDirectories(repo.resolve("x/target/src/main/java/a"));
        Files.writeString(built.resolve("Generated.java"), "//\n".repeat(MAX_LINES + 1));
        Path dependency = Files.createDirectories(repo.resolve("node_modules/y/src/main/java"));
        Files.writeString(dependency.resolve("Theirs.java"), "//\n".repeat(MAX_LINES + 1));
        assertEquals(List.of("x/src/main/java/a/Long.java: 401 lines"), tooLong(repo));
    }
}
