package io.dropflow.partners.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line of a webhook call names the partner from its path, from the token check on:
 * {@code /api/webhooks/suppliers/ACME/events} and {@code /api/webhooks/cj/CJ} are the supplier's
 * code, {@code /api/webhooks/kuaidi100} the partner itself.
 */
@Configuration(proxyBeanMethods = false)
class WebhookLoggingContext {

    static final String PARTNER = "partner";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webhookPartnerInLogs() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                MDC.put(PARTNER, partner(request.getRequestURI().substring(request.getContextPath().length())));
                try {
                    chain.doFilter(request, response);
                } finally {
                    MDC.remove(PARTNER);
                }
            }
        });
        registration.addUrlPatterns("/api/webhooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The partner a webhook path belongs to; at most 64 characters of it, never the query. */
    static String partner(String path) {
        String[] parts = path.split("/");
        // "", "api", "webhooks", first, second, ...
        if (parts.length < 4) {
            return "unknown";
        }
        String first = parts[3];
        boolean perSupplier = (first.equals("suppliers") || first.equals("cj")) && parts.length > 4;
        String partner = perSupplier ? parts[4] : first;
        return partner.length() > 64 ? partner.substring(0, 64) : partner;
    }
}
