package io.yizhan.central;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.yizhan.central.ui.CentralLoginView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Central's API is stateless HTTP Basic: stations sign in with their id and secret key
 * ({@code ROLE_STATION}, under {@code /api/sync/**} and the payment gateway's {@code /api/gateway/**}); operators with their account
 * ({@code ROLE_OPERATOR}, under {@code /api/central/**}). 401 and 403 are JSON {@code {code, message}}.
 */
@Configuration
@EnableWebSecurity
class CentralSecurity {

    static final String STATION = "STATION";
    static final String OPERATOR = "OPERATOR";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A station's id and key, checked against the SHA-256 central keeps. */
    static AuthenticationProvider stationKeys(Stations stations) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication auth) {
                String id = auth.getName();
                if (!stations.exists(id)) {
                    return null;
                }
                if (auth.getCredentials() == null || !stations.verify(id, auth.getCredentials().toString())) {
                    throw new BadCredentialsException("wrong station key");
                }
                return UsernamePasswordAuthenticationToken.authenticated(id, null, AuthorityUtils.createAuthorityList("ROLE_" + STATION));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain centralApi(HttpSecurity http, Stations stations, UserDetailsService operators, PasswordEncoder encoder)
            throws Exception {
        DaoAuthenticationProvider operatorAccounts = new DaoAuthenticationProvider(operators);
        operatorAccounts.setPasswordEncoder(encoder);
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(List.of(stationKeys(stations), operatorAccounts)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/sync/**", "/api/gateway/**").hasRole(STATION)
                        .requestMatchers("/api/central/**").hasRole(OPERATOR)
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> error(response, 401, "UNAUTHENTICATED",
                        "未登录或密钥不对 Not signed in, or the key is wrong")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> error(response, 401, "UNAUTHENTICATED",
                                "未登录或密钥不对 Not signed in, or the key is wrong"))
                        .accessDeniedHandler((request, response, ex) -> error(response, 403, "FORBIDDEN", "没有权限 Not allowed")))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(b -> { })
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Operators' screens: form sign-in at /login, then the stations overview. */
    @Bean
    @Order(3)
    SecurityFilterChain screens(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/images/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(CentralLoginView.class, "/login"));
        return http.build();
    }

    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
