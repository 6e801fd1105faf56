package io.dropflow.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code that exists ({@code DE}, {@code CN}): not {@code ZZ}, not
 * {@code DEU}, not {@code de}. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = CountryCode.Check.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface CountryCode {

    String message() default "must be an ISO 3166 alpha-2 country code like DE or CN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CountryCode, String> {

        /**
         * The JDK's list of ISO 3166-1 alpha-2 codes, and the user-assigned and reserved codes that
         * storefronts and carriers use for real places: XK Kosovo, AC Ascension, TA Tristan da Cunha
         * (Shopify's country codes include all three).
         */
        private static final Set<String> CODES = java.util.stream.Stream.concat(
                Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(), Set.of("XK", "AC", "TA").stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());

        public static boolean isCountry(String code) {
            return code != null && CODES.contains(code);
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || isCountry(code);
        }
    }
}
