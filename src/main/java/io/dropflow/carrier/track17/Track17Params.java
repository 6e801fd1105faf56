package io.dropflow.carrier.track17;

import io.dropflow.carrier.Consignee;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code param} 17TRACK asks for when it refuses to register a number without it. Its error codes
 * (https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting) say what the
 * carrier needs, and the message carries 17TRACK's own example of the value:
 * <ul>
 * <li>-18010018 "The '{1}' field is required for this tracking. Provide Alpha-2 country code and postal code.
 *     Example: '{0}'."
 * <li>-18010019 "... Provide postal code. Example: '{0}'."
 * <li>-18010020 "... Provide phone number. Example: '{0}'."
 * </ul>
 * In Tracking API v2.2 the extra data goes in the register request's {@code param} field
 * (https://asset.17track.net/api/document/v2.2_en/index.html, "Additional parameters for tracking").
 * The value is shaped like 17TRACK's example where the example shows a shape (a country code and its separator,
 * a number of phone digits); without the data, or without a shape to follow, nothing is guessed.
 */
final class Track17Params {

    /** "Provide Alpha-2 country code and postal code." */
    static final int NEEDS_COUNTRY_AND_POSTAL_CODE = -18010018;
    /** "Provide postal code." */
    static final int NEEDS_POSTAL_CODE = -18010019;
    /** "Provide phone number." */
    static final int NEEDS_PHONE = -18010020;

    private static final Pattern EXAMPLE = Pattern.compile("Example:\\s*'([^']*)'");
    private static final Pattern COUNTRY_THEN_CODE = Pattern.compile("^[A-Za-z]{2}([^A-Za-z0-9]+)[A-Za-z0-9].*$");

    private Track17Params() {
    }

    static boolean asksForParam(int code) {
        return code == NEEDS_COUNTRY_AND_POSTAL_CODE || code == NEEDS_POSTAL_CODE || code == NEEDS_PHONE;
    }

    /** What 17TRACK asks for, in the words an operator reads. */
    static String wanted(int code) {
        return switch (code) {
            case NEEDS_COUNTRY_AND_POSTAL_CODE -> "country and postal code of the delivery address";
            case NEEDS_POSTAL_CODE -> "postal code of the delivery address";
            case NEEDS_PHONE -> "consignee's phone number";
            default -> "additional tracking data";
        };
    }

    /** 17TRACK's example of the value, from its message; empty when the message has none. */
    static Optional<String> example(String message) {
        Matcher m = EXAMPLE.matcher(message == null ? "" : message);
        return m.find() && !m.group(1).isBlank() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    /**
     * @return the param for the code from what is known of the consignee; empty when the data is missing or
     *     17TRACK's example does not show how to put country and postal code together
     */
    static Optional<String> param(int code, String message, Consignee consignee) {
        Consignee known = consignee == null ? new Consignee(null, null, null) : consignee;
        return switch (code) {
            case NEEDS_POSTAL_CODE -> known.hasPostalCode() ? Optional.of(known.postalCode().trim()) : Optional.empty();
            case NEEDS_PHONE -> known.hasPhone() ? phone(known.phone(), example(message)) : Optional.empty();
            case NEEDS_COUNTRY_AND_POSTAL_CODE -> known.hasCountry() && known.hasPostalCode()
                    ? countryAndPostalCode(known.country().trim(), known.postalCode().trim(), example(message))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The phone's digits; as many trailing digits as 17TRACK's example has when it shows only digits (e.g. '1234'). */
    private static Optional<String> phone(String phone, Optional<String> example) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        if (example.isPresent() && example.get().matches("[0-9]+") && example.get().length() < digits.length()) {
            return Optional.of(digits.substring(digits.length() - example.get().length()));
        }
        return Optional.of(digits);
    }

    /** Country code, 17TRACK's separator as its example shows it, postal code: e.g. 'DE-51147' after example 'US-10001'. */
    private static Optional<String> countryAndPostalCode(String country, String postalCode, Optional<String> example) {
        if (!country.matches("[A-Za-z]{2}") || example.isEmpty()) {
            return Optional.empty();
        }
        Matcher shape = COUNTRY_THEN_CODE.matcher(example.get());
        return shape.matches() ? Optional.of(country.toUpperCase(java.util.Locale.ROOT) + shape.group(1) + postalCode)
                : Optional.empty();
    }
}
