package com.orderdesk.app.support;

import com.orderdesk.app.Api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service ({@code target/order-desk.jar}) as a process of its own, for what only a separate process can
 * show: several nodes, a node killed with SIGKILL, a JVM that halts mid-request. It listens on a port of its own
 * choosing ({@code server.port=0}) and writes it to {@code application.port} in its directory
 * ({@code orderdesk.port-file}): no port is picked beforehand and lost to another process.
 */
public final class JarNode implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path directory;
    private final Path log;
    private int port;

    private JarNode(String name, Process process, Path directory, Path log) {
        this.name = name;
        this.process = process;
        this.directory = directory;
        this.log = log;
    }

    /** Starts the jar in {@code directory} (its log and port file go there) with these command-line properties. */
    public static JarNode start(String name, Path directory, List<String> properties) throws IOException {
        Files.createDirectories(directory);
        Files.deleteIfExists(directory.resolve("application.port"));
        Path log = directory.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx320m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-jar", Path.of(System.getProperty("cluster.jar", "target/order-desk.jar")).toAbsolutePath().toString(),
                "--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                "--orderdesk.port-file=" + directory.resolve("application.port").toAbsolutePath()));
        command.addAll(properties);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new JarNode(name, process, directory, log);
    }

    /** Waits until it serves ({@code /readyz}); fails with its log's tail if it died starting. */
    public JarNode awaitReady() {
        Path portFile = directory.resolve("application.port");
        Await.until(name + " ready", Duration.ofSeconds(180), () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " died while starting:\n" + tail());
            }
            if (port == 0) {
                try {
                    String written = Files.exists(portFile) ? Files.readString(portFile).strip() : "";
                    port = written.isEmpty() ? 0 : Integer.parseInt(written);
                } catch (IOException | NumberFormatException notYet) {
                    port = 0;
                }
            }
            if (port == 0) {
                return -1;
            }
            try {
                return Api.at(port).get("/readyz").status();
            } catch (Api.NoAnswer notYet) {
                return -1;
            }
        }, status -> status == 200);
        return this;
    }

    public int port() {
        return port;
    }

    public Api as(String login) {
        return Api.at(port).as(login);
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** Waits for the process to end by itself (a halt), at most {@code limit}. */
    public void awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not stop within " + limit.toSeconds() + " s:\n" + tail());
        }
    }

    /** SIGKILL: no shutdown hooks, connections and claims just vanish. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The last 40 lines of its log. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
