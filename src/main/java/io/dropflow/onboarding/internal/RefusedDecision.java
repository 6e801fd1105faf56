package io.dropflow.onboarding.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A decision on an onboarding task that cannot work (accepting papers with a document missing, a
 * rejection without a reason). The task stays open and Tasklist shows this message.
 */
public class RefusedDecision extends RuntimeException implements io.dropflow.processengine.OperatorInputRefused {

    public RefusedDecision(String message) {
        super(message);
    }

    /**
     * The decision a form sent, as one of {@code choices} (a typed process variable's constant); another
     * task's choice, or none, is refused naming the form's values: the constants' names in lower case
     * ("missing_documents").
     */
    static <E extends Enum<E>> E decided(Class<E> choices, Object value) {
        if (choices.isInstance(value)) {
            return choices.cast(value);
        }
        for (E choice : choices.getEnumConstants()) {
            if (choice.name().toLowerCase(Locale.ROOT).equals(value)) {
                return choice;
            }
        }
        List<String> allowed = Arrays.stream(choices.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        throw new RefusedDecision("the decision must be one of " + allowed + ", was "
                + (value instanceof io.dropflow.processengine.FormChoice choice ? choice.formValue() : value));
    }
}
