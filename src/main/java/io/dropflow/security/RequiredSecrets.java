package io.dropflow.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without the settings an operator must supply, or with ones production cannot run
 * on, and names them all in one message. Spring Boot binds an unresolved {@code ${DROPFLOW_ADMIN_PASSWORD}}
 * literally, so without this check a forgotten variable would make that text the administrator's
 * password (or the database user's name). In the production profile ({@code postgres}) it also checks
 * what that profile's file leaves to the environment (the database, the public base URL, the seller's
 * addresses), that the database is PostgreSQL (the H2 driver is in the jar for the demo: an H2 URL would
 * make production a database that is lost, or never shared, at the next restart) and that partners can
 * reach the public base URL (https, not this machine).
 *
 * <p>It runs before any bean is created: before the engine creates the administrator, before any
 * migration, and before anything else trips over a missing value.
 */
@Component
class RequiredSecrets implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequiredSecrets.class);

    static final String PRODUCTION = "postgres";
    /** The profiles the sandbox storefront runs in (SandboxStorefront's {@code @Profile}). */
    private static final String SANDBOX_PROFILES = "demo | test | bench";
    /**
     * Lets a production-profile node run at a local http address: for tests that start nodes the way an
     * operator does, on one machine (never in production, where partners must reach the URL).
     */
    static final String LOCAL_BASE_URL_FOR_TESTS = "dropflow.public-base-url-local-for-tests";

    /** A setting the production profile's file takes from the environment, with no default. */
    private record Required(String variable, String property, String what) {
    }

    private static final List<Required> PRODUCTION_REQUIRED = List.of(
            new Required("DROPFLOW_DB_URL", "spring.datasource.url",
                    "the PostgreSQL database, jdbc:postgresql://host:5432/dropflow"),
            new Required("DROPFLOW_DB_USER", "spring.datasource.username", "the database user"),
            new Required("DROPFLOW_DB_PASSWORD", "spring.datasource.password", "the database user's password"),
            new Required("DROPFLOW_PUBLIC_BASE_URL", "dropflow.public-base-url",
                    "the public https root partners reach Dropflow at"),
            new Required("DROPFLOW_SELLER_NAME", "dropflow.seller.name", "the sender printed on every label"),
            new Required("DROPFLOW_SELLER_RETURN_ADDRESS", "dropflow.seller.return-address",
                    "the return address printed on every label"));

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * After NoSandboxInProduction (a sandbox profile beside {@code postgres} is named as such, not as the demo's
     * database it brings), before the partners' credentials check (PartnerCredentialsCheck).
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = new ArrayList<>();
        if (isSet("camunda.bpm.admin-user.id") && !isSet("camunda.bpm.admin-user.password")) {
            problems.add(missing(new Required("DROPFLOW_ADMIN_PASSWORD", "camunda.bpm.admin-user.password",
                    "the administrator's password")));
        }
        if (!isSet("dropflow.webhooks.token")) {
            problems.add(missing(new Required("DROPFLOW_WEBHOOK_TOKEN", "dropflow.webhooks.token",
                    "the partners' webhook token")));
        }
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            PRODUCTION_REQUIRED.stream().filter(r -> !isSet(r.property())).map(RequiredSecrets::missing)
                    .forEach(problems::add);
            String url = isSet("spring.datasource.url") ? environment.getProperty("spring.datasource.url") : null;
            if (url != null && !url.startsWith("jdbc:postgresql:")) {
                problems.add("DROPFLOW_DB_URL (spring.datasource.url) is " + withoutPassword(url)
                        + ": the '" + PRODUCTION + "' profile runs on PostgreSQL only (jdbc:postgresql://host:5432/dropflow);"
                        + " H2 is the demo's database, lost or never shared between nodes");
            }
            String base = isSet("dropflow.public-base-url") ? environment.getProperty("dropflow.public-base-url") : null;
            String unreachable = base == null || environment.getProperty(LOCAL_BASE_URL_FOR_TESTS, Boolean.class, false)
                    ? null : unreachable(base);
            if (unreachable != null) {
                problems.add("DROPFLOW_PUBLIC_BASE_URL (dropflow.public-base-url) is " + base + ", " + unreachable
                        + ": partners are sent links to it (evidence for suppliers, Kuaidi100's pushes); give the public"
                        + " https address, e.g. https://dropflow.example.com");
            }
        }
        // Read by beans later (SellerTime), which refuse them too, but only after the database was
        // migrated and the models deployed: a typo in a new release's settings must leave the shared database as it was
        String zone = isSet("dropflow.seller.time-zone") ? environment.getProperty("dropflow.seller.time-zone") : null;
        if (zone != null && !isTimeZone(zone)) {
            problems.add("DROPFLOW_SELLER_TIME_ZONE (dropflow.seller.time-zone) is '" + zone + "', not a time zone:"
                    + " use a region id such as Asia/Shanghai or Europe/Berlin, or UTC");
        }
        // each module's own (the onboarding's sample address): its keys and rules stay the module's
        StartupCheck.Settings settings = new StartupCheck.Settings(
                property -> isSet(property) ? java.util.Optional.of(environment.getProperty(property))
                        : java.util.Optional.empty(),
                environment.acceptsProfiles(Profiles.of(PRODUCTION)));
        SpringFactoriesLoader.forDefaultResourceLocation(RequiredSecrets.class.getClassLoader())
                .load(StartupCheck.class).forEach(check -> problems.addAll(check.problems(settings)));
        // Without an adapter for the chosen storefront no StorefrontGateway bean exists: Spring would say so only after the
        // database was migrated and the models deployed, naming no setting (exploratory s16 ops, 2)
        String storefront = environment.getProperty("dropflow.partners.storefront", "sandbox");
        boolean sandboxRuns = environment.acceptsProfiles(Profiles.of(SANDBOX_PROFILES));
        if (!storefront.equalsIgnoreCase("shopify") && !(sandboxRuns && storefront.equalsIgnoreCase("sandbox"))) {
            problems.add("DROPFLOW_PARTNERS_STOREFRONT (dropflow.partners.storefront) is '" + storefront
                    + "', which no storefront adapter serves here: it takes shopify"
                    + (sandboxRuns ? " or sandbox" : " (the sandbox storefront runs in the demo, test and bench profiles only)"));
        }
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            // Warned, not refused: the administrator and the configured users are created on the first start only, so
            // a password set long ago (changed in Camunda Admin since) must not keep an upgraded node from starting
            // (review s14 F1); on a first start the engine refuses to create the user, after this names what it lacks
            passwordWarnings().forEach(warning -> log.warn("{} (used only to create the user if it does not exist yet;"
                    + " the engine then refuses it)", warning));
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder("Dropflow will not start: ").append(problems.size())
                    .append(problems.size() == 1 ? " setting is" : " settings are")
                    .append(" missing or wrong (there are no defaults outside the demo profile):");
            problems.forEach(p -> message.append("\n - ").append(p));
            throw new IllegalStateException(message.toString());
        }
    }

    /**
     * The production profile turns Camunda's password policy on: the engine then refuses to create a configured user
     * whose password breaks it, but only once the database was migrated; the same rules, here, name what each lacks.
     */
    List<String> passwordWarnings() {
        List<String> problems = new ArrayList<>();
        passwordsAgainstPolicy(problems);
        return problems;
    }

    private void passwordsAgainstPolicy(List<String> problems) {
        if (isSet("camunda.bpm.admin-user.id") && isSet("camunda.bpm.admin-user.password")) {
            UserEntity admin = new UserEntity(environment.getProperty("camunda.bpm.admin-user.id"));
            admin.setFirstName(environment.getProperty("camunda.bpm.admin-user.first-name"));
            admin.setLastName(environment.getProperty("camunda.bpm.admin-user.last-name"));
            brokenRules(environment.getProperty("camunda.bpm.admin-user.password"), admin).ifPresent(broken -> problems.add(
                    "DROPFLOW_ADMIN_PASSWORD (camunda.bpm.admin-user.password) breaks Camunda's password policy: " + broken));
        }
        for (int i = 0; isSet("dropflow.identity.users[" + i + "].id"); i++) {
            String property = "dropflow.identity.users[" + i + "].password";
            UserEntity user = new UserEntity(environment.getProperty("dropflow.identity.users[" + i + "].id"));
            if (isSet(property)) {
                int index = i;
                brokenRules(environment.getProperty(property), user).ifPresent(broken -> problems.add(
                        "dropflow.identity.users[" + index + "] (" + user.getId() + ")'s password breaks Camunda's"
                                + " password policy: " + broken));
            }
        }
    }

    /** The rules of Camunda's default password policy the password breaks, in words; empty if none. */
    static java.util.Optional<String> brokenRules(String password, UserEntity user) {
        return PasswordPolicyWords.brokenRules(new DefaultPasswordPolicyImpl(), password, user, "id or name");
    }

    private static boolean isTimeZone(String id) {
        try {
            java.time.ZoneId.of(id.strip());
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static String missing(Required required) {
        return required.variable() + " (" + required.property() + ") is not set: " + required.what();
    }

    private boolean isSet(String property) {
        String value;
        try {
            value = environment.getProperty(property);
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return false;
        }
        return value != null && !value.isBlank() && !value.contains("${");
    }

    /** A JDBC URL as it may be shown: a password in it (user:password@, password=...) replaced by ***. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }

    /** Why partners could not reach this URL, or null if they could: not https, or this machine itself. */
    static String unreachable(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "not a URL";
        }
        List<String> reasons = new ArrayList<>();
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            reasons.add("not https");
        }
        String host = uri.getHost();
        if (host == null) {
            reasons.add("without a host");
        } else if (loopback(host)) {
            reasons.add("this machine itself (loopback), which no partner reaches");
        }
        return reasons.isEmpty() ? null : String.join(" and ", reasons);
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name: not looked up here
        }
        try {
            InetAddress address = InetAddress.getByName(h); // an address literal: no lookup
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
