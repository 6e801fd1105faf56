package io.dropflow.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A module's own settings that must be right before anything starts: {@link RequiredSecrets} asks each check
 * listed in {@code META-INF/spring.factories} before any bean is created (before the database is migrated and the
 * models deployed) and names every problem of every module in its one message. The module keeps its keys, its
 * variables and its rules; the same rules refuse its settings record when it is bound.
 */
public interface StartupCheck {

    /**
     * @param settings the environment's settings: a property's value, empty when it is unset, blank or the
     *     placeholder of an environment variable nobody set ({@code ${DROPFLOW_...}}, which Spring binds as it is)
     * @return what is missing or wrong, each naming its environment variable and property
     */
    List<String> problems(Settings settings);

    /** The environment as a check reads it. */
    record Settings(Function<String, Optional<String>> value, boolean production) {

        public Optional<String> get(String property) {
            return value.apply(property);
        }
    }
}
