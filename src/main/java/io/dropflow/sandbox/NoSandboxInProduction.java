package io.dropflow.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The production profile ({@code postgres}) refuses to start with anything that fakes: the profiles
 * that bring the sandbox supplier, carrier and storefront ({@code demo}, {@code test}, {@code bench}),
 * any sandbox bean however it got there, the demo catalog, or a user whose password is its id (the
 * demo's users). It runs before any bean is created, so no job, no database migration and no sandbox
 * callback happens first. The demo ({@code ./mvnw spring-boot:run}, no profile: {@code demo}), the tests
 * ({@code test}) and the benchmark ({@code bench}, on its own embedded PostgreSQL) do not use {@code postgres}.
 *
 * <p>It runs first of the start-up checks (a wrong profile is the first thing to fix, and brings settings of
 * its own, the demo's H2 database among them); RequiredSecrets (security) then names every setting that is
 * missing. A value missing here (an unresolved {@code ${DROPFLOW_...}}) is read as no value, never thrown.
 */
@Component
@Profile(NoSandboxInProduction.PRODUCTION)
class NoSandboxInProduction implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    static final String PRODUCTION = "postgres";
    /** The profiles the sandbox partners are active in (their {@code @Profile}). */
    static final Set<String> SANDBOX_PROFILES = Set.of("demo", "test", "bench");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** Before RequiredSecrets and the partners' credentials check. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> faking = new ArrayList<>();
        List<String> profiles = Arrays.stream(environment.getActiveProfiles()).filter(SANDBOX_PROFILES::contains).sorted()
                .toList();
        if (!profiles.isEmpty()) {
            faking.add("profile " + String.join(", ", profiles.stream().map(p -> "'" + p + "'").toList())
                    + " is active (sandbox partners and made-up settings: demo, test and bench only)");
        }
        List<String> sandboxBeans = Arrays.stream(beanFactory.getBeanDefinitionNames()).filter(name -> {
            String type = beanFactory.getBeanDefinition(name).getBeanClassName();
            return type != null && type.startsWith("io.dropflow.") && type.contains(".sandbox.")
                    && !type.equals(NoSandboxInProduction.class.getName()) && !inert(type, beanFactory);
        }).sorted().toList();
        if (!sandboxBeans.isEmpty()) {
            faking.add("sandbox partners would run: " + String.join(", ", sandboxBeans));
        }
        if (environment.getProperty("dropflow.demo.enabled", Boolean.class, false)) {
            faking.add("the demo catalog is on (dropflow.demo.enabled)");
        }
        List<String> demoUsers = new ArrayList<>();
        for (int i = 0; environment.containsProperty("dropflow.identity.users[" + i + "].id"); i++) {
            String id = property("dropflow.identity.users[" + i + "].id");
            if (id != null && id.equals(property("dropflow.identity.users[" + i + "].password"))) {
                demoUsers.add(id);
            }
        }
        String admin = property("camunda.bpm.admin-user.id");
        if (admin != null && admin.equals(property("camunda.bpm.admin-user.password"))) {
            demoUsers.add(admin);
        }
        if (!demoUsers.isEmpty()) {
            faking.add("users whose password is their id, as the demo's: " + String.join(", ", demoUsers)
                    + " (dropflow.identity.users, camunda.bpm.admin-user)");
        }
        if (faking.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Dropflow will not start: the production profile '").append(PRODUCTION)
                .append("' must not fake partners or users, but:");
        faking.forEach(f -> message.append("\n - ").append(f));
        message.append("\nStart production with SPRING_PROFILES_ACTIVE=").append(PRODUCTION)
                .append(" (json-logs may be added); the demo runs without a profile, the benchmark with 'bench' alone.");
        throw new IllegalStateException(message.toString());
    }

    /** A setting's value, or null when it is absent or still an unresolved placeholder (RequiredSecrets names those). */
    private String property(String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return null;
        }
    }

    /** A sandbox's settings (bound in every profile, used by nobody outside the sandbox) fake nothing. */
    private static boolean inert(String type, ConfigurableListableBeanFactory beanFactory) {
        Class<?> c = ClassUtils.resolveClassName(type, beanFactory.getBeanClassLoader());
        return AnnotatedElementUtils.hasAnnotation(c, ConfigurationProperties.class);
    }
}
