package io.yizhan.station.terminals.internal;

import io.yizhan.station.terminals.Terminals;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class TerminalsConfiguration {

    /** Runs before Spring Security, so sign-in throttling and the audit log know the terminal. */
    @Bean
    FilterRegistrationBean<TerminalCookieFilter> terminalCookieFilter(Terminals terminals) {
        var registration = new FilterRegistrationBean<>(new TerminalCookieFilter(terminals));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
