package io.yizhan.station.staff;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.yizhan.station.shared.ApiError;
import io.yizhan.station.staff.ui.LoginView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Three filter chains: the stateless API (HTTP Basic, JSON 401/403, no CSRF, never a redirect),
 * Actuator (health and info open, the rest for managers), and the Vaadin UI (form sign-in at
 * {@code /login}, then {@code /counter}; kiosk views are anonymous by annotation).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            String key = e instanceof SignInLockedException ? "api.error.locked" : "api.error.unauthenticated";
            ApiError.of(e instanceof SignInLockedException ? "LOCKED" : "UNAUTHENTICATED", key, request)
                    .write(response, HttpServletResponse.SC_UNAUTHORIZED);
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                ApiError.of("FORBIDDEN", "api.error.forbidden", request).write(response, HttpServletResponse.SC_FORBIDDEN);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.CLERK_NAME))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                ApiError.of("UNAUTHENTICATED", "api.error.unauthenticated", request)
                        .write(response, HttpServletResponse.SC_UNAUTHORIZED);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(Role.MANAGER_NAME))
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http, AuditLog audit) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/voice/**", "/styles/**", "/images/**", "/catalog-pictures/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class, "/login")
                .defaultSuccessUrl("/counter")
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        audit.record(authentication.getName(), io.yizhan.station.terminals.CurrentTerminal.name(),
                                "sign-out", authentication.getName());
                    }
                }));
        return http.build();
    }
}
