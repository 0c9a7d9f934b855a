package io.yizhan.central;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Who may sign in to central. Demo mode: the operator {@code operator}/{@code operator-demo} and the
 * demo station {@code demo-station-001}/{@code demo-station-key}. Live mode: the operator's password
 * comes from {@code YIZHAN_CENTRAL_OPERATOR_PASSWORD} (central refuses to start without it), and
 * stations are registered with {@code yizhan.central.stations.<id>.key}.
 */
@Configuration
class CentralAccounts {

    static final String DEMO_STATION = "demo-station-001";
    static final String DEMO_STATION_KEY = "demo-station-key";

    @Bean
    UserDetailsService operators(PasswordEncoder encoder, @Value("${yizhan.central.demo:false}") boolean demo,
                                 @Value("${YIZHAN_CENTRAL_OPERATOR_PASSWORD:}") String password) {
        if (!demo && password.isBlank()) {
            throw new IllegalStateException("Central in live mode needs the operator's password: set YIZHAN_CENTRAL_OPERATOR_PASSWORD");
        }
        String secret = demo && password.isBlank() ? "operator-demo" : password;
        return new InMemoryUserDetailsManager(User.withUsername("operator").password(encoder.encode(secret)).roles(CentralSecurity.OPERATOR)
                .build());
    }

    /** {@code yizhan.central.stations.<id>.key} (and optional {@code .name}): the stations central accepts. */
    @Bean
    ApplicationRunner registerStations(Stations stations, Environment environment, @Value("${yizhan.central.demo:false}") boolean demo) {
        return (ApplicationArguments args) -> {
            if (demo) {
                stations.register(DEMO_STATION, "幸福里社区驿站", DEMO_STATION_KEY);
            } else {
                // its key is public: a central that once ran in demo mode must not keep accepting it
                stations.disable(DEMO_STATION);
            }
            Binder.get(environment).bind("yizhan.central.stations", Bindable.mapOf(String.class, StationKey.class))
                    .orElse(Map.of()).forEach((id, s) -> {
                        if (s.key() == null || s.key().length() < 12) {
                            throw new IllegalStateException("yizhan.central.stations." + id + ".key must be at least 12 characters");
                        }
                        stations.register(id, s.name() == null ? id : s.name(), s.key());
                    });
        };
    }

    record StationKey(@org.jspecify.annotations.Nullable String name, @org.jspecify.annotations.Nullable String key) {
    }
}
