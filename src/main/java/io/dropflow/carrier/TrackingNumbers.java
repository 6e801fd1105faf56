package io.dropflow.carrier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a carrier's tracking number is, the one rule for every place that takes one in (a supplier's SHIPPED, CJ's
 * order and logistic messages, tracking pushes) and for the lookup of a parcel by its number.
 *
 * <p>A tracking number is letters and digits: carriers print and read them out in groups ("SBX 920536 33950Z", UPU S10
 * "RR 123 456 785 DE", FedEx "0414 4176 0228 964"), and a Chinese input method types them full-width
 * ("ＳＢＸ９２０５３６３３９５０Ｚ"). Kuaidi100's query takes a number ({@code num}, "单号的最大长度是32个字符", as clients
 * copy its page) and 17TRACK answers a number it cannot read with -18010012 "The format of data {0} is invalid"
 * (17track.md); neither page that could be read here names separators, so a number is sent on as the supplier grouped
 * it (full-width made plain, where a supplier's event is read). So a number is
 * compared by its {@link #key}: Unicode NFKC (full-width letters and digits are the plain ones), without the spaces
 * and hyphens (dashes) between its groups, in upper case (as before: 17TRACK and Kuaidi100 push numbers in upper case).
 * Two numbers of one carrier that differ only in these are one parcel (exploratory test s18, H3). A number with a
 * control or invisible character, or with a character that is neither a Latin letter, a digit, a space nor a hyphen
 * (an emoji, a slash, a Chinese character), is no carrier's: it is refused where it comes in ({@link #whyNot}), before it is recorded,
 * registered with a carrier or sent to a storefront (exploratory test s18, H15).
 */
public final class TrackingNumbers {

    /** What may stand between a number's groups: spaces (any kind, a tab) and hyphens or other dashes, minus too. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{Z}\\s\\p{Pd}\\u2212]+");
    private static final Pattern INVISIBLE = Pattern.compile("\\p{C}");
    /** A number as compared: Latin letters and digits, as carriers print them (the full-width ones are these in NFKC). */
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("[A-Z0-9]+");

    private TrackingNumbers() {
    }

    /**
     * A carrier code and tracking number as a parcel is looked up by: the code stripped and in upper case (it names a
     * carrier of the settings), one space, the {@link #number} ("SANDBOX-POST SBX92053633950Z" for "sandbox-post" and
     * "ｓｂｘ 920536-33950z"). Migration V81 writes it for the parcels recorded before.
     */
    public static String key(String carrierCode, String trackingNumber) {
        return carrierCode.strip().toUpperCase(Locale.ROOT) + " " + number(trackingNumber);
    }

    /** The number as compared: NFKC, without separators, in upper case ("SBX92053633950Z" for "ｓｂｘ 920536-33950z"). */
    public static String number(String trackingNumber) {
        return SEPARATORS.matcher(nfkc(trackingNumber)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Whether two spellings are the same number ({@link #number}); null is no number. */
    public static boolean same(String one, String other) {
        return one != null && other != null && number(one).equals(number(other));
    }

    /**
     * Why {@code trackingNumber} is not a carrier's tracking number, as the refusal of field {@code trackingNumber}
     * says it (a supplier reads it); empty for a number to take (null and blank are the caller's to judge).
     */
    public static Optional<String> whyNot(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return Optional.empty();
        }
        String number = nfkc(trackingNumber).strip();
        java.util.regex.Matcher invisible = INVISIBLE.matcher(number);
        if (invisible.find()) {
            return Optional.of("must be letters and digits, spaces or hyphens between them, was " + visible(number)
                    + ": it holds the control or invisible character " + codePoint(invisible.group())
                    + ", which no carrier's number has");
        }
        String compared = number(number);
        if (!LETTERS_AND_DIGITS.matcher(compared).matches()) {
            return Optional.of("must be letters and digits, spaces or hyphens between them, was " + visible(number));
        }
        return Optional.empty();
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** The text with each control or invisible character written as its code point, so the refusal shows it. */
    private static String visible(String text) {
        return "\"" + INVISIBLE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                "[" + codePoint(m.group()) + "]")) + "\"";
    }

    private static String codePoint(String character) {
        return String.format("U+%04X", character.codePointAt(0));
    }
}
