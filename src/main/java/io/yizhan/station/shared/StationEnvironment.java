package io.yizhan.station.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives defaults from the station's mode once its configuration is loaded: the embedded H2
 * database file (a separate file in demo mode, always {@code WRITE_DELAY=0} so a {@code kill -9}
 * loses no acknowledged commit, under the {@link DurableStorage} file system so a power cut does not
 * either) and, in demo mode, a server bound to 127.0.0.1 only. Anything set
 * explicitly (command line, environment, a profile) wins.
 */
public class StationEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "yizhanDerivedDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.containsProperty("yizhan.station.id") && !env.containsProperty("yizhan.demo")) {
            return; // not the station (e.g. a test context of another application)
        }
        boolean demo = env.getProperty("yizhan.demo", Boolean.class, false);
        String dataDir = env.getProperty("yizhan.data-dir", "./data");
        Map<String, Object> derived = new LinkedHashMap<>();
        if (!env.containsProperty("spring.datasource.url")) {
            derived.put("spring.datasource.url", h2Url(dataDir, demo));
            derived.put("spring.datasource.username", "sa");
            derived.put("spring.datasource.password", "");
        }
        if (demo && !env.containsProperty("server.address")) {
            derived.put("server.address", "127.0.0.1");
        }
        env.getPropertySources().addLast(new MapPropertySource(SOURCE, derived));
    }

    /**
     * The station's embedded database, under the data dir resolved against the working directory;
     * the demo keeps its own file so demo data never mixes in.
     */
    public static String h2Url(String dataDir, boolean demo) {
        String folder = demo ? "demo-station" : "station";
        return DurableStorage.h2FileUrl(java.nio.file.Path.of(dataDir, folder, "yizhan"), H2_SETTINGS);
    }

    /**
     * The station's H2 settings: commits written at once (see 005 for how they are forced); no
     * statement runs longer than 30 s, set once per connection here (a timeout set per statement
     * makes H2 run {@code SET QUERY_TIMEOUT} each time, which throws away every connection's parsed
     * statements); and each connection keeps the parsed form of the statements a check-in runs
     * (H2 keeps 8 by default, fewer than one check-in uses).
     */
    public static final String H2_SETTINGS = ";WRITE_DELAY=0;QUERY_TIMEOUT=30000;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
