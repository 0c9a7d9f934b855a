package io.yizhan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts the station from the JDK's AOT cache that the build made beside the jar
 * ({@code src/main/aot/train.sh}): {@code java -jar target/yizhan.jar} takes no JVM flags from the
 * jar, so the launcher runs the extracted jar in a child JVM with {@code -XX:AOTCache} — only when
 * the running JVM is the very one that made the cache (a cache is valid for one JVM build) and the
 * jar is the one it was made from; otherwise the station starts in this JVM as before. The parent
 * passes its JVM options and arguments on, forwards a stop to the child and exits with its code;
 * the child stops at once when the parent is killed (as a {@code kill -9} of the station would).
 */
final class FastStart {

    static final String PROPERTY = "yizhan.fast-start";

    private FastStart() {
    }

    /** The child's command line, when a valid cache is there for this JVM and jar. */
    static Optional<List<String>> command(String[] args) {
        if (System.getProperty(PROPERTY) != null || System.getenv("YIZHAN_NO_AOT_CACHE") != null) {
            return Optional.empty(); // already the child (or the training start), or switched off
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty(); // not started with java -jar (e.g. spring-boot:run)
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path app = jar.resolveSibling("yizhan-app");
        Properties made = new Properties();
        try (InputStream in = Files.newInputStream(app.resolve("aot.properties"))) {
            made.load(in);
            if (!System.getProperty("java.vm.version").equals(made.getProperty("vm"))
                    || !System.getProperty("java.home").equals(made.getProperty("home"))
                    || !String.valueOf(Files.size(jar)).equals(made.getProperty("jar"))
                    || !Files.isRegularFile(app.resolve("yizhan.aot")) || !Files.isRegularFile(app.resolve("yizhan.jar"))) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException noCache) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:AOTCache=" + app.resolve("yizhan.aot"));
        command.add("-D" + PROPERTY + "=" + ProcessHandle.current().pid());
        // the cache holds the module graph of its training start: native access exactly as there (train.sh)
        command.add("--enable-native-access=ALL-UNNAMED");
        jvmOptions().stream().filter(o -> !o.startsWith("--enable-native-access")).forEach(command::add);
        command.add("-jar");
        command.add(app.resolve("yizhan.jar").toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** This JVM's own options (what came before {@code -jar} on its command line), for the child. */
    private static List<String> jvmOptions() {
        String[] all = ProcessHandle.current().info().arguments().orElse(new String[0]);
        List<String> options = new ArrayList<>();
        for (String a : all) {
            if (a.equals("-jar")) {
                return options;
            }
            options.add(a);
        }
        return List.of(); // not a plain java -jar command line: pass nothing on
    }

    /** Runs the child and exits with its code. */
    static void run(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).inheritIO().start();
        System.gc(); // from here on this JVM only waits: give back what starting the child took
        Thread stop = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: the station shuts down gracefully
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "fast-start-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        System.exit(code);
    }

    /** In the child: when the parent is gone without stopping it (killed), stop at once too. */
    static void watchParent() {
        String parent = System.getProperty(PROPERTY, "");
        if (!parent.matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parent));
        if (handle.isEmpty()) {
            Runtime.getRuntime().halt(137);
        }
        Thread.ofPlatform().daemon().name("fast-start-parent").start(() -> {
            while (handle.get().isAlive()) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(137);
        });
    }
}
