package io.dropflow.aftersales;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An operator's decision on a case's task that cannot work (an offer the supplier never made, a
 * rejection without a reason for the consumer). The task stays open and Tasklist shows this message.
 */
public class DecisionRefused extends RuntimeException implements io.dropflow.processengine.OperatorInputRefused {

    public DecisionRefused(String message) {
        super(message);
    }

    /**
     * The decision a form sent, as one of {@code choices}: the constant itself (a typed process variable's), or
     * the model's value, the constant's name in lower case ("more_evidence").
     * @throws DecisionRefused naming the variable and what it may be, for anything else (none at all)
     */
    public static <E extends Enum<E>> E decided(Class<E> choices, String variable, Object value) {
        if (choices.isInstance(value)) {
            return choices.cast(value);
        }
        for (E choice : choices.getEnumConstants()) {
            if (valueOf(choice).equals(value)) {
                return choice;
            }
        }
        List<String> allowed = Arrays.stream(choices.getEnumConstants()).map(DecisionRefused::valueOf).toList();
        throw new DecisionRefused(variable + " must be one of " + allowed + ", was " + value);
    }

    /** The choice as the model and its forms write it. */
    public static String valueOf(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    /** @throws DecisionRefused with {@code message} when the operator gave no {@code text} */
    public static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new DecisionRefused(message);
        }
    }
}
