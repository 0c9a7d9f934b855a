package io.yizhan.station.kiosk.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code /} is the kiosk: a browser pointed at the station's address lands on the home screen. */
@Configuration
class RootRedirect {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> rootRedirectFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            jakarta.servlet.FilterChain chain)
                    throws jakarta.servlet.ServletException, java.io.IOException {
                if ("GET".equals(request.getMethod()) && "/".equals(request.getRequestURI())
                        && request.getQueryString() == null) {
                    response.sendRedirect("/kiosk");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/");
        return registration;
    }
}
