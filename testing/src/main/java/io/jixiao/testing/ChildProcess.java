package io.jixiao.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A devstack launcher run as a child JVM; its output goes to a log file, and we wait for its READY line. */
final class ChildProcess {

    private final List<String> command;
    private final String mainClass;
    private final Path log;
    private final Map<String, String> env;
    private Process process;

    ChildProcess(String mainClass, Path log, String... args) {
        this(mainClass, log, Map.of(), args);
    }

    /** env: added to the child's environment (secrets go there, not on its visible command line). */
    ChildProcess(String mainClass, Path log, Map<String, String> env, String... args) {
        String devstack = System.getProperty("jixiao.devstack.dir");
        if (devstack == null || !new File(devstack, "lib").isDirectory()) {
            throw new IllegalStateException("jixiao.devstack.dir must point at devstack/target (built): " + devstack);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        command = new ArrayList<>(List.of(java, "-Xmx512m"));
        // a broker or database launcher for one test JVM runs with the test JVMs' options (the root pom's jixiao.test.jvm)
        command.addAll(List.of(System.getProperty("jixiao.test.jvm", "").trim().split("\\s+")).stream()
                .filter(option -> !option.isEmpty()).toList());
        command.addAll(List.of("-cp", devstack + "/classes" + File.pathSeparator + devstack + "/lib/*", mainClass));
        command.addAll(List.of(args));
        command.addAll(List.of("--parent-pid", String.valueOf(ProcessHandle.current().pid())));
        this.mainClass = mainClass;
        this.log = log;
        this.env = env;
    }

    void start(String readyMarker, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            process = builder.start();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(readyMarker, ready), "child-log-" + log.getFileName());
            pump.setDaemon(true);
            pump.start();
            ready.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException(mainClass + " did not start; see " + log, e);
        }
    }

    private void pump(String readyMarker, CompletableFuture<Void> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.contains(readyMarker)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("process ended before " + readyMarker));
        } catch (Exception e) {
            ready.completeExceptionally(e);
        }
    }

    long pid() {
        return process.pid();
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
