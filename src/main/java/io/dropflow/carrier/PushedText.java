package io.dropflow.carrier;

import java.util.regex.Pattern;

/** Text from a tracking push, made safe to store: no control characters, no more than the column holds. */
public final class PushedText {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private PushedText() {
    }

    /** @return the text without control characters, cut to {@code max} characters; null stays null */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = CONTROL.matcher(text).replaceAll(" ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    /**
     * A tracking number we can look up: 1 to 100 characters, a carrier's number ({@link TrackingNumbers#whyNot}: letters
     * and digits, spaces or hyphens between them; no control or invisible character, no emoji).
     */
    public static boolean isTrackingNumber(String number) {
        return number != null && !number.isBlank() && number.length() <= 100 && !CONTROL.matcher(number).find()
                && TrackingNumbers.whyNot(number).isEmpty();
    }
}
