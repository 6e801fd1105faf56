package io.dropflow.security;

import java.time.Clock;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Our API needs HTTP Basic against the engine's users, or an integration's API key, and the role
 * {@link ApiRoles} names for the endpoint (the links in Tasklist's forms, GET only, also open with
 * the webapps' login: {@link TasklistSessionFilter}); webhooks need the partner token; the engine
 * REST API authenticates with Camunda's own filter (so its authorization checks apply); Cockpit,
 * Tasklist and Admin use Camunda's login. Health stays open for probes.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain api(HttpSecurity http, EngineUserAuthentication users, CamundaWebappLogin webapps,
            WebhookSettings webhooks,
            ObjectProvider<WebhookSigningKeys> signingKeys, ObjectProvider<SupplierWebhookSenders> senders, Clock clock,
            ApiKeyRegistry apiKeys) throws Exception {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint();
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                // Stateless: nothing is kept in a session. A webapp session a Tasklist link brings is
                // only read (TasklistSessionFilter); its id is not rotated as at a login.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .authenticationProvider(users)
                .addFilterBefore(new WebhookTokenFilter(webhooks.token(),
                        signingKeys.getIfAvailable(() -> WebhookSigningKeys.NONE),
                        () -> senders.getIfAvailable(() -> SupplierWebhookSenders.ALL), clock),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthorized), BasicAuthenticationFilter.class)
                .addFilterAfter(new TasklistSessionFilter(webapps, users), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(ApiRoles::apply)
                .httpBasic(basic -> basic.realmName("Dropflow").authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(unauthorized, request -> true)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()));
        return http.build();
    }

    /**
     * Actuator on the application's port: health and info open for probes and load balancers,
     * Prometheus metrics for supervisors and for keys with the metrics scope (business figures are
     * not for everyone, and one port keeps a two-node deployment's network simple).
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, EngineUserAuthentication users, ApiKeyRegistry apiKeys)
            throws Exception {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint();
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(users)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthorized), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasAnyAuthority(ApiRoles.METRICS_READERS))
                .httpBasic(basic -> basic.realmName("Dropflow").authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(unauthorized, request -> true)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()));
        return http.build();
    }

    /** Webapps, engine REST (own filter below), docs: Spring Security stays out of their way. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", EngineRestBasicAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
