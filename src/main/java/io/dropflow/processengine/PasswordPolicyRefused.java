package io.dropflow.processengine;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.security.PasswordPolicyWords;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * A password that breaks the engine's password policy (on in production) is a 400 naming the rules it breaks, on
 * the engine REST API and the webapps' engine API (Camunda Admin): creating a user and changing a user's password.
 * The engine refused it with a ProcessEngineException "Password does not match policy", answered 500 without the
 * rules and logged as ENGINE-16004 at ERROR, which operations.md says to alert on (exploratory s16 ops, 4). The
 * password is checked against the engine's own policy before the engine is called, so no command fails; with the
 * policy off, or a body that is not as expected, the request goes on as sent (the engine answers it). A password sent as
 * null or not at all is a 400 saying it is missing: on create with the policy on (the engine made a user without a
 * password, which no login could use), and always on …/credentials (a 204 that changed nothing; exploratory s18,
 * H12). The refusal is
 * written in English; on the webapps' engine API (Camunda Admin) the operator-language filter gives it in Chinese for a
 * browser that prefers it ({@code forms/i18n/operator-messages.zh.json}), the rules it names included.
 */
final class PasswordPolicyRefused extends EngineRequestRefusal {

    /** {@code …/user/create} (POST) and {@code …/user/{id}/credentials} (PUT); group 1 is the id. */
    private static final Pattern CREATE = Pattern.compile(".*/user/create/?");
    private static final Pattern CREDENTIALS = Pattern.compile(".*/user/([^/]+)/credentials/?");

    private final Supplier<ProcessEngine> engine;

    PasswordPolicyRefused(Supplier<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !("POST".equals(request.getMethod()) && CREATE.matcher(path).matches()
                || "PUT".equals(request.getMethod()) && CREDENTIALS.matcher(path).matches());
    }

    @Override
    protected Optional<String> refusal(HttpServletRequest request, byte[] body) {
        return broken(request.getRequestURI(), body);
    }

    /**
     * Why the sent password is refused (the rules it breaks, in words, that it is no text, or that there is none); empty
     * when it keeps them, the policy is off or the body is not read.
     */
    private Optional<String> broken(String path, byte[] body) {
        ProcessEngine processEngine = engine.get();
        if (processEngine == null) {
            return Optional.empty();
        }
        JsonNode sent;
        try {
            sent = json.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty(); // the engine's own answer
        }
        if (sent == null || !sent.isObject()) {
            return Optional.empty();
        }
        Matcher credentials = CREDENTIALS.matcher(path);
        JsonNode sentCredentials = credentials.matches() ? sent : sent.path("credentials");
        if (!(sentCredentials.isObject() || sentCredentials.isMissingNode() || sentCredentials.isNull())) {
            return Optional.empty(); // credentials as a text or a list: the engine's reader refuses them (400)
        }
        JsonNode password = sentCredentials.path("password");
        boolean policy = processEngine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl on
                && on.isEnablePasswordPolicy() && on.getPasswordPolicy() != null;
        if ((password.isMissingNode() || password.isNull()) && (policy || credentials.matches())) {
            // The engine checks the policy only for a password it is given: without one it made a user without a
            // password, and …/credentials answered 204 changing nothing (exploratory s18, H12)
            return Optional.of("The password is missing: send it as a text (a JSON string)");
        }
        if (!policy) {
            return Optional.empty();
        }
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        UserEntity user;
        if (credentials.matches()) {
            String id = java.net.URLDecoder.decode(credentials.group(1), StandardCharsets.UTF_8);
            user = new UserEntity(id);
            User known = processEngine.getIdentityService().createUserQuery().userId(id).singleResult();
            if (known != null) {
                user.setFirstName(known.getFirstName());
                user.setLastName(known.getLastName());
                user.setEmail(known.getEmail());
            }
        } else {
            JsonNode profile = sent.path("profile");
            user = new UserEntity(profile.path("id").asText(null));
            user.setFirstName(profile.path("firstName").asText(null));
            user.setLastName(profile.path("lastName").asText(null));
            user.setEmail(profile.path("email").asText(null));
        }
        if (password.isNumber() || password.isBoolean()) {
            // The engine reads it as text and checks that against the policy: refused there, a 500 with ENGINE-16004
            // at ERROR (exploratory test s17, D11). Which text a number becomes is the engine's reader's to say.
            // (the value itself is not echoed: a password does not belong in an answer or a client's log; review s17 F6)
            return Optional.of("The password must be a text (a JSON string), not a " + (password.isNumber() ? "number"
                    : "boolean"));
        }
        if (!password.isTextual()) {
            return Optional.empty();
        }
        Optional<String> rules = PasswordPolicyWords.brokenRules(configuration.getPasswordPolicy(), password.asText(),
                user, "id, name or email");
        return rules.isEmpty() ? Optional.empty() : Optional.of("The password breaks the password policy: " + rules.get()
                + " (GET /engine-rest/identity/password-policy lists the rules)");
    }
}
