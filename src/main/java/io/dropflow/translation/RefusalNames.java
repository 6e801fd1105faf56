package io.dropflow.translation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a 403's parameters take (the engine's permissions and resource types, the people rules' candidate
 * groups and task fields), each translated for the parameter it fills only: {@code "{permission}=READ": "查看"}
 * in {@code operator-messages.<language>.json} translates the {@code {permission}} of a refusal that has one,
 * never a "READ" anywhere else (a SKU, a supplier code, a user id in another message, or a word on its own). A
 * parameter named as the plural of one ({@code {candidateGroups}} for {@code {candidateGroup}}) lists such names,
 * as the people rules join them ("operators, supervisors"). Its value is only ever read as these names: one that
 * is none of them (a group a team made up) is kept as sent.
 *
 * <p>The same for the Java types the engine API names when a value does not convert to one ({@code {javaType}}:
 * {@code "{javaType}=java.lang.Long": "整数"}): an operator reads the type in words, the value kept as sent.
 */
final class RefusalNames {

    /** An entry of the names: {@code {parameter}=name}. */
    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z]\\w*)}=(.+)", Pattern.DOTALL);
    /** How the people rules list names in one value. */
    private static final String LISTED = ", ";

    /** Per parameter, its names and their translations. */
    private final Map<String, Map<String, String>> names;

    private RefusalNames(Map<String, Map<String, String>> names) {
        this.names = names;
    }

    /** The names among a bundle's entries ({@code {parameter}=name}). */
    static RefusalNames in(Map<String, String> bundle) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        bundle.forEach((key, translation) -> {
            Matcher name = NAME.matcher(key);
            if (name.matches()) {
                names.computeIfAbsent(name.group(1), parameter -> new LinkedHashMap<>()).put(name.group(2), translation);
            }
        });
        names.replaceAll((parameter, its) -> Map.copyOf(its));
        return new RefusalNames(Map.copyOf(names));
    }

    /** A bundle's entries but its names: its message patterns. */
    static Map<String, String> withoutNames(Map<String, String> bundle) {
        Map<String, String> patterns = new LinkedHashMap<>(bundle);
        patterns.keySet().removeIf(key -> NAME.matcher(key).matches());
        return patterns;
    }

    /**
     * What this parameter's value reads, when the parameter takes names: the name's translation, or for a list
     * of names each item's, joined by {@code listed}; a value or item that is none of its names kept as sent.
     * Empty when the parameter takes no names.
     */
    Optional<String> of(String parameter, String value, String listed) {
        Map<String, String> own = names.get(parameter);
        if (own != null) {
            return Optional.of(own.getOrDefault(value, value));
        }
        Map<String, String> listedNames = parameter.endsWith("s") ? names.get(parameter.substring(0, parameter.length() - 1))
                : null;
        if (listedNames == null) {
            return Optional.empty();
        }
        return Optional.of(String.join(listed, List.of(value.split(Pattern.quote(LISTED), -1)).stream()
                .map(item -> listedNames.getOrDefault(item, item)).toList()));
    }

    /** The parameters that take names, each singular ({@code candidateGroup}), sorted. */
    Set<String> parameters() {
        return new TreeSet<>(names.keySet());
    }
}
