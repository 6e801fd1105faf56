package io.dropflow.processengine;

import java.util.Locale;

/**
 * A person's choice on a task's form (a radio's value): an enum whose constants are the form's values in upper
 * case, {@code WAIT_FOR_RESTOCK} for the form's {@code "wait_for_restock"}. A {@link ProcessVariable#choice}
 * of such an enum stores the form's spelling, the text the form sends and the model's gateways compare; Java
 * compares the constants. The form stays the one list of what may be chosen ({@link FormInputCheck} refuses
 * anything else before the model's listeners read the choice).
 */
public interface FormChoice {

    /** Implemented by every enum constant. */
    String name();

    /** The value as the form sends it and the model compares it ("wait_for_restock"). */
    default String formValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
