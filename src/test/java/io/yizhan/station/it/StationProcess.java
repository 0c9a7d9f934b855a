package io.yizhan.station.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real station, {@code target/yizhan.jar}, as a child JVM in its own working directory (with a
 * copy of {@code kiosk-config/}) on a free loopback port, exactly as the README starts it.
 */
public final class StationProcess implements AutoCloseable {

    private final Path workDir;
    private final int port;
    private final List<String> extraArgs;
    private String command = "station";
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;

    public StationProcess(Path workDir, String... extraArgs) {
        this.workDir = workDir.toAbsolutePath();
        this.port = freePort();
        this.extraArgs = List.of(extraArgs);
    }

    /** Central ({@code yizhan.jar central}) instead of the station, its data under the work dir. */
    public static StationProcess central(Path workDir, String... extraArgs) {
        StationProcess p = new StationProcess(workDir, extraArgs);
        p.command = "central";
        return p;
    }

    public int port() {
        return port;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("yizhan.jar", "target/yizhan.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: integration tests run after 'package' (./mvnw -Pproduction verify)");
        }
        return jar.toAbsolutePath();
    }

    public StationProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts and returns at once, for a station expected to refuse to start. */
    public Process launch() throws Exception {
        Files.createDirectories(workDir.resolve("kiosk-config"));
        Files.copy(Path.of("kiosk-config/station.yml"), workDir.resolve("kiosk-config/station.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-jar", jar().toString()));
        if (this.command.equals("central")) {
            command.addAll(List.of("central", "--yizhan.central.data-dir=" + workDir.resolve("data/central")));
        } else {
            command.add("--yizhan.data-dir=" + workDir.resolve("data"));
        }
        command.add("--server.port=" + port);
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("station.log").toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        return process;
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public StationProcess start() throws Exception {
        launch();
        waitUntilUp(Duration.ofSeconds(90));
        return this;
    }

    private void waitUntilUp(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Station exited early; see " + workDir.resolve("station.log")
                        + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Station not up within " + limit + ":\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("station.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return workDir.resolve("data");
    }

    /** SIGKILL of the station's processes (the launcher and the JVM it started): no shutdown hook, no flush, nothing. */
    public void killHard() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> child).join();
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
