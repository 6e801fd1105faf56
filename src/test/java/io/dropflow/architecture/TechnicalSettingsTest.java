package io.dropflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Business numbers (durations, counts, rates an analyst owns) are decision tables' in bpmn/, never
 * settings (docs/adr/0016-business-numbers-in-decision-tables.md). Every {@code dropflow.*} property
 * the application reads, through a {@code @ConfigurationProperties} record or {@code @Value}, must be
 * on this list of technical settings with the reason it is technical. A new setting that is not
 * fails here: put the number into a table instead, or add it with its reason for the reviewer.
 */
class TechnicalSettingsTest {

    /** Every technical property, with why it is not an analyst's number. */
    static final Map<String, String> TECHNICAL = new TreeMap<>(Map.ofEntries(
            // Units of time: they let the demo shorten the tables' hours and days.
            Map.entry("dropflow.sla.hour", "unit of shipping-sla.dmn / order-deadlines.dmn hours"),
            Map.entry("dropflow.sla.operator-hour", "unit of order-deadlines.dmn operatorDecisionHours"),
            Map.entry("dropflow.after-sales.day", "unit of after-sales-windows.dmn days"),
            Map.entry("dropflow.claims.hour", "unit of claim-deadlines.dmn hours"),
            Map.entry("dropflow.returns.hour", "unit of return-deadlines.dmn hours"),
            Map.entry("dropflow.scorecard.hour", "unit of supplier-scorecard.dmn hours (and its window's days, 24 of them)"),
            // Caches, polling, sweeps, retries: how the machine works, not what the business decides.
            Map.entry("dropflow.scorecard.reuse-for", "cache lifetime of a computed scorecard"),
            Map.entry("dropflow.inbox.expire-after", "how long unawaited partner events are kept"),
            Map.entry("dropflow.inbox.sweep-enabled", "switch for tests"),
            Map.entry("dropflow.inbox.redelivery-interval", "how often the inbox's sweep runs"),
            Map.entry("dropflow.tracking.poll-after", "polling cadence of tracking services"),
            Map.entry("dropflow.tracking.polling-enabled", "switch for tests"),
            Map.entry("dropflow.partners.storefront", "which storefront adapter runs"),
            Map.entry("dropflow.api.error-details", "debugging switch for integrators"),
            Map.entry("dropflow.api.max-body-size", "memory bound of a request body"),
            Map.entry("dropflow.history.job-log", "which engine history rows are kept: operations' storage"),
            Map.entry("dropflow.job-executor.wake-up-interval", "how often the job acquisition may be woken"),
            Map.entry("dropflow.api-keys.verified-for", "cache lifetime of a checked API key"),
            Map.entry("dropflow.partners.limits", "partner API rate limits (the partner's, not ours)"),
            Map.entry("dropflow.partners.deliveries", "webhook redelivery: retry cadence, sweep, give-up time"),
            Map.entry("dropflow.partners.deliveries.decision-time",
                    "operations' incident triage time for a webhook delivery nobody could take (partner-attention.bpmn):"
                            + " a runbook number of whoever runs the platform, like the retries before it"),
            // Uploads: what the server accepts.
            Map.entry("dropflow.claims.max-file-size", "upload limit"),
            Map.entry("dropflow.claims.max-files", "upload limit"),
            Map.entry("dropflow.claims.content-types", "upload types"),
            Map.entry("dropflow.onboarding.max-file-size", "upload limit"),
            Map.entry("dropflow.onboarding.max-files", "upload limit"),
            Map.entry("dropflow.onboarding.content-types", "upload types"),
            Map.entry("dropflow.onboarding.quality-check", "an address"),
            // Partner data and identities.
            Map.entry("dropflow.returns.label-cost", "the carrier's price for a label: partner data like an exchange"
                    + " rate (who pays it is return-policy.dmn's decision)"),
            Map.entry("dropflow.returns.label-currency", "the currency the carrier bills in"),
            Map.entry("dropflow.settlement.currency", "the ledger's currency, chosen once"),
            Map.entry("dropflow.seller.name", "printed on labels"),
            Map.entry("dropflow.seller.return-address", "printed on labels"),
            Map.entry("dropflow.seller.time-zone", "how dates are shown to operators, not a business rule"),
            Map.entry("dropflow.public-base-url", "where partners reach us"),
            Map.entry("dropflow.webhooks.token", "a secret"),
            Map.entry("dropflow.identity.groups", "work groups and their roles"),
            Map.entry("dropflow.identity.users", "demo users"),
            Map.entry("dropflow.suppliers.http", "supplier endpoints and secrets"),
            Map.entry("dropflow.suppliers.cj", "CJ accounts and secrets"),
            Map.entry("dropflow.carriers.followed-by-shipper", "which carriers need no tracking service"),
            Map.entry("dropflow.carriers.kuaidi100", "tracking service account"),
            Map.entry("dropflow.carriers.track17", "tracking service account"),
            Map.entry("dropflow.storefronts.shopify", "storefront account"),
            // The sandbox partners (demo and tests only).
            Map.entry("dropflow.sandbox", "how the sandbox partners behave")));

    @Test
    void everySettingTheApplicationReadsIsTechnical() {
        List<String> read = readProperties();
        assertThat(read).as("properties read by the application").isNotEmpty();
        List<String> business = read.stream().filter(key -> !technical(key)).toList();

        assertThat(business).as("dropflow.* properties read by the application but not on the list of technical"
                + " settings: a business number belongs in a decision table (ADR 0016)").isEmpty();
    }

    @Test
    void theListNamesOnlySettingsThatAreRead() {
        List<String> read = readProperties();
        List<String> unread = TECHNICAL.keySet().stream()
                .filter(key -> read.stream().noneMatch(r -> r.equals(key) || r.startsWith(key + "."))).toList();

        assertThat(unread).as("listed as technical but read nowhere: remove them from the list").isEmpty();
    }

    @Test
    void aBusinessNumberReadThroughSettingsFails() {
        // The check itself: a number like the old scorecard bar is not technical
        assertThat(technical("dropflow.scorecard.ship-rate-bar")).isFalse();
        assertThat(technical("dropflow.settlement.platform-fee-rate")).isFalse();
        assertThat(technical("dropflow.partners.limits.shopify.requests-per-second")).isTrue();
    }

    /** Listed itself, or below a listed group of settings (e.g. one supplier's endpoint). */
    static boolean technical(String key) {
        return TECHNICAL.keySet().stream().anyMatch(t -> key.equals(t) || key.startsWith(t + "."));
    }

    /** Every dropflow.* key read by a record component of a properties class or by an @Value. */
    static List<String> readProperties() {
        TreeSet<String> keys = new TreeSet<>();
        for (Class<?> type : mainClasses()) {
            ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
            if (properties != null && type.isRecord()) {
                String prefix = properties.value().isEmpty() ? properties.prefix() : properties.value();
                keysOf(type, prefix, keys);
            }
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
            Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                    .map(Executable::getParameters).flatMap(Stream::of).forEach(elements::add);
            for (AnnotatedElement element : elements) {
                Value value = element.getAnnotation(Value.class);
                if (value != null && value.value().startsWith("${")) {
                    String key = value.value().substring(2).split("[:}]", 2)[0];
                    if (key.startsWith("dropflow.")) {
                        keys.add(key);
                    }
                }
            }
        }
        return List.copyOf(keys);
    }

    private static void keysOf(Class<?> record, String prefix, TreeSet<String> keys) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            Class<?> type = component.getType();
            if (type.isRecord() && type.getName().startsWith("io.dropflow.")) {
                keysOf(type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The application's own classes (not the tests'), nested ones included. */
    private static List<Class<?>> mainClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        TypeFilter all = (reader, factory) -> true;
        scanner.addIncludeFilter(all);
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("io.dropflow")) {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), null);
            var source = type.getProtectionDomain().getCodeSource();
            if (source != null && !source.getLocation().toString().contains("test-classes")) {
                classes.add(type);
            }
        }
        return classes;
    }
}
