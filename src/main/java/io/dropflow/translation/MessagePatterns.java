package io.dropflow.translation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages Dropflow writes at run time with values in them (a refused task input, an order's
 * validation problems), each keyed by its English wording with the values as named parameters:
 * {@code "no supplier offers {sku} any more"}. A message matches a pattern when it is the pattern's
 * words with any text in place of each parameter; the translation takes each parameter's text
 * where its own wording puts it. Where two patterns match, the one with more fixed words wins
 * ({@code "{field} must be at least {min} characters long, was {length}"} over
 * {@code "{field} must be at least {min}, was {value}"}). A message without values is an entry without
 * parameters, matched exactly.
 */
final class MessagePatterns {

    /** A parameter: {@code {name}}, a name of letters and digits; {@code {{…}}} templates are no parameters. */
    static final Pattern PARAMETER = Pattern.compile("(?<!\\{)\\{([A-Za-z]\\w*)}(?!})");

    /** The parameter that names a form's field: its key, one word, never a sentence (a person's note). */
    static final String FIELD = "field";

    /**
     * The parameter that is a message of its own ("{item}: {message}"): a pattern with it matches only
     * when that message has a translation, so that its few fixed words do not take any text for it.
     */
    static final String MESSAGE = "message";

    /** The parameter that names one thing a message is about (a SKU, a number): one token, no spaces. */
    static final String ITEM = "item";

    /**
     * The parameter that names a Java type in Camunda's conversion errors ("java.lang.Long", "[B"): a class name, no
     * spaces, so that a value sent with " to java type " or "' of type '" in it stays whole in its own parameter.
     */
    static final String JAVA_TYPE = "javaType";

    /**
     * The parameter that is a value as a request sent it (Camunda's "Cannot convert value '{input}' …"): any
     * text, also none (an empty field), kept as it is.
     */
    static final String INPUT = "input";

    /** The parameter that names a value's type as a request sent it ("Long", "date"): one word. */
    static final String VALUE_TYPE = "valueType";

    /**
     * The parameter that lists the values a {@link #FIELD} allows ("[wait_for_restock, substitute]"), as the
     * code lists them; the operator knows them by the form's option labels.
     */
    static final String VALUES = "values";

    /**
     * The parameter that is a number a form's fact counts ("{howMany} purchase orders": 3, 1.5), digits only, so that
     * such a pattern translates a count and never a phrase that ends in the same noun ("Office hours").
     */
    static final String HOW_MANY = "howMany";

    /** What a value reads in the translation, given its parameter's name, its text and every parameter's text. */
    @FunctionalInterface
    interface Value {
        String of(String name, String text, Map<String, String> message);
    }

    private record Entry(String english, Pattern match, List<String> parameters, String translation, int fixedLength) {
    }

    private final List<Entry> entries = new ArrayList<>();

    MessagePatterns(Map<String, String> patterns) {
        patterns.forEach((english, translation) -> entries.add(entry(english, translation)));
        // The one with more fixed words first; among equals, the bundle's order
        entries.sort(java.util.Comparator.comparingInt(Entry::fixedLength).reversed());
    }

    private static Entry entry(String english, String translation) {
        Matcher parameter = PARAMETER.matcher(english);
        StringBuilder regex = new StringBuilder("^");
        List<String> parameters = new ArrayList<>();
        int fixed = 0;
        int end = 0;
        while (parameter.find()) {
            String words = english.substring(end, parameter.start());
            regex.append(Pattern.quote(words)).append(switch (parameter.group(1)) {
                case FIELD, VALUE_TYPE -> "([A-Za-z]\\w*)";
                case ITEM -> "(\\S+?)";
                case JAVA_TYPE -> "([\\w.$\\[\\]]+)";
                case INPUT -> "(.*?)";
                case HOW_MANY -> "(\\d+(?:\\.\\d+)?)";
                default -> "(.+?)";
            });
            fixed += words.length();
            parameters.add(parameter.group(1));
            end = parameter.end();
        }
        regex.append(Pattern.quote(english.substring(end))).append('$');
        fixed += english.length() - end;
        if (fixed == 0) {
            throw new IllegalArgumentException("a message pattern of parameters only would match any text: " + english);
        }
        return new Entry(english, Pattern.compile(regex.toString(), Pattern.DOTALL), parameters, translation, fixed);
    }

    /**
     * The translation of a message that matches one of the patterns, each parameter's text put in
     * by what {@code value} makes of it, given the parameter's name and text (a display word
     * translated, a SKU kept) and every parameter's text (the field whose {@link #VALUES} a list
     * names). A pattern whose {@link #MESSAGE} has no translation is passed over for the next that
     * matches.
     */
    Optional<String> find(String message, Value value) {
        for (Entry entry : entries) {
            Matcher match = entry.match().matcher(message);
            Optional<String> translated = match.matches() ? translate(entry, match, value) : Optional.empty();
            if (translated.isPresent()) {
                return translated;
            }
        }
        return Optional.empty();
    }

    /** The entry's translation of the message it matched; empty when a {@link #MESSAGE} in it has none. */
    private static Optional<String> translate(Entry entry, Matcher match, Value value) {
        Map<String, String> matched = new java.util.HashMap<>();
        for (int i = 0; i < entry.parameters().size(); i++) {
            matched.put(entry.parameters().get(i), match.group(i + 1));
        }
        Matcher parameter = PARAMETER.matcher(entry.translation());
        StringBuilder translated = new StringBuilder();
        while (parameter.find()) {
            int index = entry.parameters().indexOf(parameter.group(1));
            String english = index < 0 ? parameter.group() : match.group(index + 1);
            String text = index < 0 ? english : value.of(parameter.group(1), english, matched);
            if (MESSAGE.equals(parameter.group(1)) && text.equals(english)) {
                return Optional.empty();
            }
            parameter.appendReplacement(translated, Matcher.quoteReplacement(text));
        }
        parameter.appendTail(translated);
        return Optional.of(translated.toString());
    }

    /** Whether a pattern has this parameter. */
    boolean hasParameter(String name) {
        return entries.stream().anyMatch(entry -> entry.parameters().contains(name));
    }

    /** Patterns whose translation does not name each of the English parameters exactly once. */
    Set<String> withBrokenParameters() {
        Set<String> broken = new TreeSet<>();
        for (Entry entry : entries) {
            List<String> named = new ArrayList<>();
            Matcher parameter = PARAMETER.matcher(entry.translation());
            while (parameter.find()) {
                named.add(parameter.group(1));
            }
            List<String> english = new ArrayList<>(entry.parameters());
            Collections.sort(named);
            Collections.sort(english);
            if (!named.equals(english)) {
                broken.add(entry.english());
            }
        }
        return broken;
    }
}
