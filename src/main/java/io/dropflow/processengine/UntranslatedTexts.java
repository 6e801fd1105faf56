package io.dropflow.processengine;

import java.util.List;

/**
 * The texts a deployed model, form or decision table shows operators that have no entry in one of their languages (the
 * translation module's bundles, {@code forms/i18n/}): {@link DeploymentContents} refuses a person's deployment that
 * brings one, since models carry English texts, translations ship with the application and such a text would reach
 * Chinese operators in English.
 */
public interface UntranslatedTexts {

    /**
     * The operator texts of this deployed file ({@code .bpmn}, {@code .form} or {@code .dmn}) without an entry, each as
     * {@code "text" (where)}, where saying of a text written in Chinese that it is; empty for any other file and for one
     * that does not parse (the engine names that).
     */
    List<String> in(String file, byte[] content);
}
