package io.dropflow.processengine;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;

/**
 * A user, group or tenant id the engine does not take (a hyphen in "li-na") is a 400 naming the rule, on the engine
 * REST API and the webapps' engine API (Camunda Admin): creating one, or changing its id with an update. The engine
 * refused it with a ProcessEngineException ("User has an invalid id: 'li-na' is not a valid resource identifier"),
 * which the REST API answers 500 and logs at ERROR. The rule is the engine's own, read from its configuration (its
 * whitelist pattern for the kind, else its general one) each time, so a changed pattern is the one checked and
 * named. An id sent as a JSON number or true/false is checked as the text the engine's reader makes of it ("1.5" is
 * refused); no id at all, or null, is a 400 saying the id is missing (the engine answered both 500, exploratory s18,
 * H1). An id that matches and a body that is not as expected go on to the engine as sent. Written in
 * English; Camunda Admin in Chinese reads it in Chinese (the operator-language filter, operator-messages.zh.json).
 */
final class ResourceIdRefused extends EngineRequestRefusal {

    /** What is created or updated: where its id is in the body, and which of the engine's patterns checks it. */
    enum Kind {
        USER("user", Pattern.compile(".*/user/(create|[^/]+/profile)/?"),
                body -> body.path("profile").isObject() ? body.path("profile").path("id") : body.path("id"),
                ProcessEngineConfiguration::getUserResourceWhitelistPattern),
        GROUP("group", Pattern.compile(".*/group/[^/]+/?"), body -> body.path("id"),
                ProcessEngineConfiguration::getGroupResourceWhitelistPattern),
        TENANT("tenant", Pattern.compile(".*/tenant/[^/]+/?"), body -> body.path("id"),
                ProcessEngineConfiguration::getTenantResourceWhitelistPattern);

        final String word;
        final Pattern path;
        final Function<JsonNode, JsonNode> id;
        final Function<ProcessEngineConfiguration, String> pattern;

        Kind(String word, Pattern path, Function<JsonNode, JsonNode> id, Function<ProcessEngineConfiguration, String> pattern) {
            this.word = word;
            this.path = path;
            this.id = id;
            this.pattern = pattern;
        }

        /** POST …/create, PUT …/{id} (a user's: …/{id}/profile); nothing else (members, credentials, a group's tenants). */
        static Optional<Kind> of(String method, String path) {
            for (Kind kind : values()) {
                if (kind.path.matcher(path).matches()) {
                    boolean create = path.replaceAll("/$", "").endsWith("/" + kind.word + "/create");
                    return (create ? "POST" : "PUT").equals(method) ? Optional.of(kind) : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    private final Supplier<ProcessEngine> engine;

    ResourceIdRefused(Supplier<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Kind.of(request.getMethod(), request.getRequestURI()).isEmpty();
    }

    @Override
    protected Optional<String> refusal(HttpServletRequest request, byte[] body) {
        return refused(Kind.of(request.getMethod(), request.getRequestURI()).orElseThrow(), body);
    }

    /** Why the engine would refuse the id sent, or that there is none; empty when it takes it or the body is not read. */
    private Optional<String> refused(Kind kind, byte[] body) {
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
            return Optional.empty(); // the engine's reader refuses it (400)
        }
        JsonNode sentId = kind.id.apply(sent);
        if (sentId.isMissingNode() || sentId.isNull()) {
            // the engine found no id ("groupId is null") or wrote none: a 500 and an ENGINE-16004 ERROR (s18, H1)
            return Optional.of("The " + kind.word + " id is missing: send the id as a text (a JSON string)");
        }
        if (!sentId.isValueNode()) {
            return Optional.empty(); // an array or object: the engine's reader refuses it (400)
        }
        // a number (1.5, -3) or true/false the engine's reader takes as its text, and checks that: checked so here (s18, H1)
        String id = sentId.asText();
        String rule = rule(processEngine.getProcessEngineConfiguration(), kind);
        if (rule == null) {
            return Optional.empty();
        }
        Pattern allowed;
        try {
            allowed = Pattern.compile(rule);
        } catch (PatternSyntaxException e) {
            return Optional.empty(); // the engine's own answer to its own configuration
        }
        if (allowed.matcher(id).matches()) {
            return Optional.empty();
        }
        String characters = characters(allowed);
        return Optional.of(characters.isEmpty()
                ? "The " + kind.word + " id " + id + " is refused: the engine takes " + kind.word + " ids that match " + rule
                : "The " + kind.word + " id " + id + " is refused: an id may have only the characters " + characters
                        + "; the engine takes " + kind.word + " ids that match " + rule);
    }

    /** The engine's pattern for the kind, else its general one, as the engine itself chooses (EnsureUtil). */
    static String rule(ProcessEngineConfiguration configuration, Kind kind) {
        String own = kind.pattern.apply(configuration);
        return own == null || own.isEmpty() ? configuration.getGeneralResourceWhitelistPattern() : own;
    }

    /**
     * The printable ASCII characters an id may have by the pattern, in ranges ("0-9, A-Z, a-z"): those an id of
     * the one character, of it twice, or between letters or digits, matches. Empty when none: the pattern then
     * reads alone.
     */
    static String characters(Pattern allowed) {
        List<Character> found = new ArrayList<>();
        for (char c = '!'; c <= '~'; c++) {
            String s = String.valueOf(c);
            if (allowed.matcher(s).matches() || allowed.matcher(s + s).matches() || allowed.matcher("a" + s + "a").matches()
                    || allowed.matcher("0" + s + "0").matches()) {
                found.add(c);
            }
        }
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < found.size(); ) {
            int j = i;
            while (j + 1 < found.size() && found.get(j + 1) == found.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                ranges.add(found.get(i) + "-" + found.get(j));
            } else {
                for (int k = i; k <= j; k++) {
                    ranges.add(String.valueOf(found.get(k)));
                }
            }
            i = j + 1;
        }
        return String.join(", ", ranges);
    }
}
