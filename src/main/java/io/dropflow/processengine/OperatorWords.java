package io.dropflow.processengine;

import java.util.Locale;
import java.util.Map;

/**
 * The one place where codes (statuses, reasons, types, channels) become the words an operator
 * reads on a task form: "OUT_OF_STOCK" reads "Out of stock", "partial_refund" "Partial refund".
 * Whole strings only, so that a translation can match each value exactly; words that the rule
 * gets wrong are listed here.
 */
public final class OperatorWords {

    /** Codes whose words are not the code with spaces. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "EXCEPTION", "Carrier exception",
            "RESHIP", "Reshipment",
            "OK", "OK",
            "NEEDS_REVIEW", "Needs review",
            "ACCEPTED_BY_SUPPLIER", "Accepted by the supplier");

    /** Fixed words a form shows where there is no value to show. */
    public static final String NOT_KNOWN_YET = "Not known yet";
    /** {@link #NOT_KNOWN_YET} inside a sentence ("on time not known yet"): {@link #inSentence}. */
    public static final String NOT_KNOWN_YET_IN_SENTENCE = "not known yet";
    public static final String NO_ANSWER = "No answer";
    public static final String NO_INSPECTION_REPORT = "No inspection report";
    public static final String NO_EXPIRY_DATE = "No expiry date";
    public static final String REQUIRED = "Required";
    public static final String NOT_REQUIRED = "Not required";
    public static final String CROSS_BORDER = "Cross-border";
    public static final String DOMESTIC = "Domestic";

    private OperatorWords() {
    }

    /** A rate as a whole percentage, "83 %"; {@link #NOT_KNOWN_YET} without one. */
    public static String percent(Double rate) {
        return rate == null ? NOT_KNOWN_YET : Math.round(rate * 100) + " %";
    }

    /**
     * A value as it reads inside a sentence: {@link #NOT_KNOWN_YET}, which stands alone on a form
     * ("Accepted: Not known yet"), in lower case; any other value as it is.
     */
    public static Object inSentence(Object value) {
        return NOT_KNOWN_YET.equals(value) ? NOT_KNOWN_YET_IN_SENTENCE : value;
    }

    /**
     * A count with its noun: singular for exactly one ("1 purchase order", "1 SLA hour"), plural for any other number
     * ("0 purchase orders", "2.5 SLA hours"), the number as it reads (48, 1.5; no "1.0"); null stays null. What a form
     * shows where it read "{{facts.n}} times" and said "1 times" (s18): the form reads the fact named {@code …InWords},
     * which Chinese reads by its pattern in {@code operator-messages.zh.json} ("{howMany} times": "{howMany} 次").
     */
    public static String count(Number count, String one, String several) {
        if (count == null) {
            return null;
        }
        java.math.BigDecimal number = new java.math.BigDecimal(count.toString()).stripTrailingZeros();
        return number.toPlainString() + " " + (number.compareTo(java.math.BigDecimal.ONE) == 0 ? one : several);
    }

    /** The words for a code; null stays null. */
    public static String of(Enum<?> code) {
        return code == null ? null : of(code.name());
    }

    /** A code (upper-case letters, digits and underscores: a partner's "DISCONTINUED") as its words; other text as it is. */
    public static String ofCode(String text) {
        return text != null && CODE.matcher(text.strip()).matches() ? of(text) : text;
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

    /** The words for a code written as text ("OUT_OF_STOCK", "partial_refund"); null stays null. */
    public static String of(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String key = code.strip().toUpperCase(Locale.ROOT);
        String exception = EXCEPTIONS.get(key);
        if (exception != null) {
            return exception;
        }
        String words = key.replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
