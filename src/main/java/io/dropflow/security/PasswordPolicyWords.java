package io.dropflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * The rules of Camunda's password policy a password breaks, in words: for a configured user's password at start-up
 * ({@code RequiredSecrets}) and for one sent to the engine API ({@code processengine.PasswordPolicyRefused}).
 */
public final class PasswordPolicyWords {

    private PasswordPolicyWords() {
    }

    /**
     * "it lacks a digit, an upper-case letter; it holds the user's id, name or email"; empty if none is broken.
     * {@code userData} names what of the user the caller's users have ("id or name" for users configured without an
     * email).
     */
    public static Optional<String> brokenRules(PasswordPolicy policy, String password, User user, String userData) {
        List<String> lacks = new ArrayList<>();
        boolean holdsUserData = false;
        for (PasswordPolicyRule rule : policy.getRules()) {
            if (rule.execute(password, user)) {
                continue;
            }
            switch (rule.getPlaceholder()) {
                case "PASSWORD_POLICY_LENGTH" -> lacks.add("at least " + rule.getParameters().get("minLength") + " characters");
                case "PASSWORD_POLICY_LOWERCASE" -> lacks.add("a lower-case letter");
                case "PASSWORD_POLICY_UPPERCASE" -> lacks.add("an upper-case letter");
                case "PASSWORD_POLICY_DIGIT" -> lacks.add("a digit");
                case "PASSWORD_POLICY_SPECIAL" -> lacks.add("a sign that is neither letter nor digit");
                case "PASSWORD_POLICY_USER_DATA" -> holdsUserData = true;
                default -> lacks.add(rule.getPlaceholder() + " " + rule.getParameters());
            }
        }
        List<String> why = new ArrayList<>();
        if (!lacks.isEmpty()) {
            why.add("it lacks " + String.join(", ", lacks));
        }
        if (holdsUserData) {
            why.add("it holds the user's " + userData);
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }
}
