package io.yizhan.central;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Central: one per region, many stations deliver to it. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
@org.springframework.context.annotation.Import(io.yizhan.station.shared.internal.DurableCommits.class)
public class CentralApplication {

    /** Starts central with its own configuration file ({@code central.yml}), never the station's. */
    public static ConfigurableApplicationContext run(String... args) {
        // an accepted event is on the device before central answers, as at the station
        io.yizhan.station.shared.DurableStorage.register();
        SpringApplication app = new SpringApplication(CentralApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.config.name", "central");
        app.setDefaultProperties(defaults);
        return app.run(args);
    }

    public static void main(String[] args) {
        run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
