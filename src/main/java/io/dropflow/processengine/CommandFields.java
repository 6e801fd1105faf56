package io.dropflow.processengine;

import java.lang.reflect.Field;

/**
 * Reads a field of one of the engine's commands that its API does not show (which task a completion
 * answers, whom a delegation names): the checks of what people ask the engine need them. Looked up
 * once, when the check's class loads, so an engine version without the field fails at start-up.
 */
final class CommandFields {

    private CommandFields() {
    }

    /** @param neededFor what needs it, for the start-up failure when the engine has no such field */
    static Field field(Class<?> type, String name, String neededFor) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " has no field " + name + ": " + neededFor + " needs it", e);
        }
    }

    static Object read(Field field, Object command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
