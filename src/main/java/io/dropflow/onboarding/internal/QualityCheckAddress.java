package io.dropflow.onboarding.internal;

import io.dropflow.security.StartupCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where applicants ship their samples ({@code dropflow.onboarding.quality-check.*}), checked in one place: before
 * any bean, with every other module's settings ({@link StartupCheck}, listed in {@code META-INF/spring.factories}),
 * and again when {@link OnboardingSettings} is bound, by the same rules and words. Each problem names the field's
 * environment variable (the {@code postgres} profile reads the address from {@code DROPFLOW_QUALITY_CHECK_*}) and
 * its property, as the start's one message names every other missing setting.
 */
public class QualityCheckAddress implements StartupCheck {

    static final String PREFIX = "dropflow.onboarding.quality-check.";
    static final List<String> FIELDS = List.of("name", "line1", "postal-code", "city", "country");
    /** What the production profile's file leaves to the environment: the name has a default (the seller's). */
    static final List<String> REQUIRED_IN_PRODUCTION = List.of("line1", "postal-code", "city", "country");

    private static final String WHAT = "where applicants ship their samples";

    /** Outside the production profile the address has defaults (application.yaml): only a wrong country is named. */
    @Override
    public List<String> problems(Settings settings) {
        return problems(field -> settings.get(PREFIX + field),
                settings.production() ? REQUIRED_IN_PRODUCTION : List.of());
    }

    /**
     * @param field a field's value, empty when it is not set
     * @param required the fields that must be set
     */
    static List<String> problems(Function<String, Optional<String>> field, Collection<String> required) {
        List<String> problems = new ArrayList<>();
        for (String name : FIELDS) {
            if (required.contains(name) && field.apply(name).isEmpty()) {
                problems.add(variable(name) + " (" + PREFIX + name + ") is not set: " + WHAT);
            }
        }
        field.apply("country").filter(country -> !io.dropflow.web.CountryCode.Check.isCountry(country))
                .ifPresent(country -> problems.add(variable("country") + " (" + PREFIX + "country) is '" + country
                        + "', not an ISO 3166 alpha-2 country code: " + WHAT + ", e.g. DE"));
        return problems;
    }

    private static String variable(String field) {
        return "DROPFLOW_QUALITY_CHECK_" + field.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
