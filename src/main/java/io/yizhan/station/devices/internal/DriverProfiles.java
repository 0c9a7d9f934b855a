package io.yizhan.station.devices.internal;

import io.yizhan.station.devices.DeviceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * The driver profiles: {@code device-drivers/*.yml} next to where the station runs, falling back to
 * the copies packaged in the jar (a local file with the same id wins).
 */
public final class DriverProfiles {

    private final Map<String, DriverProfile> byId = new TreeMap<>();

    public DriverProfiles(Path localDir) {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:device-drivers/*.yml")) {
                try (InputStream in = r.getInputStream()) {
                    add(in, r.getDescription());
                }
            }
            if (Files.isDirectory(localDir)) {
                try (Stream<Path> files = Files.list(localDir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            add(in, file.toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(InputStream in, String source) {
        Map<String, Object> values = new Yaml().load(in);
        if (values == null || values.get("id") == null || values.get("kind") == null || values.get("protocol") == null) {
            throw new IllegalStateException("Driver profile " + source + " needs id, kind and protocol");
        }
        String id = values.get("id").toString();
        byId.put(id, new DriverProfile(id, DeviceKind.of(values.get("kind").toString()), values.get("protocol").toString(),
                String.valueOf(values.getOrDefault("description", id)), Map.copyOf(values)));
    }

    public Optional<DriverProfile> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public java.util.Set<String> ids() {
        return byId.keySet();
    }
}
