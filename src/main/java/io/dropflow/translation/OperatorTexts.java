package io.dropflow.translation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.processengine.OperatorWords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's translations of Dropflow's operator texts, keyed by the English text exactly as
 * it stands in a form, a BPMN model or a variable: {@code forms/i18n/operator-texts.<language>.json}
 * on the classpath. Keying by the English text keeps a translation valid when an analyst moves a
 * field or renames its id, shares one entry among all forms that say the same thing, and makes a
 * changed English text show up as untranslated instead of keeping a stale translation.
 */
public final class OperatorTexts {

    /** The languages operators get; English is the source text. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    /** {@code {{name}}} or {@code {{#loop name}}}: a fact as forms read it before ADR 20. */
    private static final Pattern BARE_PLACEHOLDER = Pattern.compile("\\{\\{(\\s*(?:#loop\\s+|#if\\s+)?)(?=[A-Za-z_]\\w*\\s*}})");
    private static final Pattern FACTS_PLACEHOLDER = Pattern.compile("\\{\\{(\\s*(?:#loop\\s+|#if\\s+)?)facts\\.");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Map<String, OperatorTexts> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Parameters whose value a person wrote (a note, a consumer's description), or a partner or the
     * engine ({@code original}, after a lead-in that says so), or that is what a request sent the engine
     * API: a value that did not convert ({@code input}), its type as the request named it ({@code valueType}),
     * a variable's or a query parameter's name ({@code variable}). Never translated: a value "SHIPPED" or
     * "a, b" the operator typed is not a display word or a list.
     */
    private static final Set<String> WRITTEN_BY_PEOPLE = Set.of("note", "description", "terms", "original",
            MessagePatterns.INPUT, MessagePatterns.VALUE_TYPE, "variable");
    /** A code as the code writes it into a message: "OUT_OF_STOCK", "SHIPPED". */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    /** How Dropflow lists items inside one value of a message; in Chinese the enumeration comma. */
    private static final String LISTED = ", ";
    private static final String LISTED_ZH = "\u3001";
    /** How Dropflow joins several problems into one message (a refusal, an order's validation problems). */
    private static final String PROBLEMS_JOINED = "; ";
    /** The same join in Chinese: the full-width semicolon. */
    private static final String PROBLEMS_JOINED_ZH = "\uFF1B";

    private final String language;
    private final Map<String, String> translations;
    private final MessagePatterns messages;
    /** The names a 403's parameters take ({@code "{permission}=READ"}), for those parameters only. */
    private final RefusalNames names;

    OperatorTexts(String language, Map<String, String> translations) {
        this(language, translations, Map.of());
    }

    OperatorTexts(String language, Map<String, String> translations, Map<String, String> messages) {
        this.language = language;
        this.translations = Map.copyOf(translations);
        this.messages = new MessagePatterns(RefusalNames.withoutNames(messages));
        this.names = RefusalNames.in(messages);
    }

    /** The bundle of this language; English (the source) translates nothing. */
    public static OperatorTexts of(String language) {
        return LOADED.computeIfAbsent(language, OperatorTexts::load);
    }

    /**
     * The operator's language for an Accept-Language header: the browser's first language if it is
     * one of {@link #LANGUAGES} (any Chinese gets {@code zh}), else English. Only the first, as the
     * webapps choose their own texts: a German browser that also reads Chinese gets English
     * webapps, and English task names with them, not a mix.
     */
    public static String languageOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            String first = Locale.LanguageRange.parse(acceptLanguage).stream().filter(r -> r.getWeight() > 0)
                    .map(Locale.LanguageRange::getRange).findFirst().orElse("*");
            String language = first.split("-", 2)[0];
            return LANGUAGES.contains(language) ? language : "en";
        } catch (IllegalArgumentException malformed) {
            return "en";
        }
    }

    private static OperatorTexts load(String language) {
        if ("en".equals(language)) {
            return new OperatorTexts(language, Map.of());
        }
        return new OperatorTexts(language, bundle("forms/i18n/operator-texts." + language + ".json"),
                bundle("forms/i18n/operator-messages." + language + ".json"));
    }

    private static Map<String, String> bundle(String resource) {
        try (InputStream in = OperatorTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    public String language() {
        return language;
    }

    /**
     * The translation of this exact English text, if the bundle has one. A form deployed before a
     * task's facts became one variable (ADR 20) still reads {@code {{orderNumber}}} where today's
     * reads {@code {{facts.orderNumber}}}: such a line takes the translation of today's line, with
     * its placeholders as it wrote them, so that instances still on an earlier model version keep
     * their Chinese.
     */
    public Optional<String> find(String english) {
        if (english == null) {
            return Optional.empty();
        }
        String translated = translations.get(english);
        if (translated != null || !english.contains("{{")) {
            return Optional.ofNullable(translated);
        }
        String asToday = BARE_PLACEHOLDER.matcher(english).replaceAll("{{$1facts.");
        return asToday.equals(english) ? Optional.empty()
                : Optional.ofNullable(translations.get(asToday)).map(t -> FACTS_PLACEHOLDER.matcher(t).replaceAll("{{$1"));
    }

    /** The translation of this exact English text, or the text itself. */
    public String translate(String english) {
        return find(english).orElse(english);
    }

    /**
     * The translation of a text Dropflow wrote at run time, with values in it (a refusal of a
     * task's input, an order's validation problems, a line of a case's history): the text's own
     * entry if it has one; else, for problems joined by "; ", each problem's translation when every
     * one has one; else the message pattern it matches ({@code operator-messages.<language>.json}),
     * with each value translated the same way when it is itself a display word or a message, kept
     * as it is when not (a SKU, a number, an amount).
     */
    public Optional<String> findMessage(String english) {
        if (english == null || english.isBlank()) {
            return Optional.empty();
        }
        Optional<String> text = find(english);
        if (text.isPresent()) {
            return text;
        }
        if (english.contains(PROBLEMS_JOINED)) {
            List<String> parts = new java.util.ArrayList<>();
            for (String problem : english.split(Pattern.quote(PROBLEMS_JOINED), -1)) {
                Optional<String> translated = findMessage(problem);
                if (translated.isEmpty()) {
                    parts = null;
                    break;
                }
                parts.add(translated.get());
            }
            if (parts != null) {
                return Optional.of(String.join("zh".equals(language) ? PROBLEMS_JOINED_ZH : PROBLEMS_JOINED, parts));
            }
        }
        return messages.find(english, this::parameter);
    }

    /**
     * A message's value in the operator's language: a {@code {note}}, {@code {description}} or
     * {@code {terms}} is what a person wrote and stays as it is; a {@code {field}} is a form's key
     * ("reviewDecision"), which the operator knows by its label: the label, translated and quoted;
     * the {@code {values}} such a field allows ("[proceed, reject]") read as their options' labels
     * on the field's form, translated and quoted; a parameter that takes a 403's names ({@link RefusalNames}:
     * a {@code {permission}}, a {@code {candidateGroups}}) reads them, and nothing else; any other value is
     * translated when it is a display word or a message, or a code whose words ({@link OperatorWords}:
     * "OUT_OF_STOCK", "Out of stock") are; else kept (a SKU, an amount, a user id).
     */
    private String parameter(String name, String value, Map<String, String> message) {
        if (WRITTEN_BY_PEOPLE.contains(name)) {
            return value;
        }
        if (MessagePatterns.FIELD.equals(name)) {
            return quoted(FormFieldLabels.labelOf(value).map(this::translate).orElse(value));
        }
        if (MessagePatterns.VALUES.equals(name) && message.containsKey(MessagePatterns.FIELD)) {
            return options(message.get(MessagePatterns.FIELD), value).orElse(value);
        }
        Optional<String> named = names.of(name, value, "zh".equals(language) ? LISTED_ZH : LISTED);
        if (named.isPresent()) {
            return named.get();
        }
        // A list first: a pattern would take "A (tier 1), B (tier 2)" for one supplier "A" of tier "1), B (tier 2"
        Optional<String> translated = value.contains(LISTED) ? list(value) : Optional.empty();
        if (translated.isEmpty()) {
            translated = findMessage(value);
        }
        if (translated.isEmpty() && CODE.matcher(value).matches()) {
            translated = find(OperatorWords.of(value));
        }
        return translated.orElse(value);
    }

    private String quoted(String text) {
        return "zh".equals(language) ? "\u201C" + text + "\u201D" : "\"" + text + "\"";
    }

    /**
     * The values a field allows, as a refusal lists them ("[wait_for_restock, substitute]"), by the labels
     * the field's form shows for them, translated and quoted ("“等待补货”、“替换”"); empty when the forms
     * do not label each of them.
     */
    private Optional<String> options(String field, String values) {
        if (!values.startsWith("[") || !values.endsWith("]") || values.length() < 3) {
            return Optional.empty();
        }
        List<String> codes = List.of(values.substring(1, values.length() - 1).split(Pattern.quote(LISTED), -1));
        return FormFieldLabels.optionLabels(field, codes).map(labels -> String.join("zh".equals(language) ? LISTED_ZH
                : LISTED, labels.stream().map(this::translate).map(this::quoted).toList()));
    }

    /**
     * A value that lists items ("ODDITY (tier 3), RAREHOUSE (tier 3)"), each translated, if each has
     * one; an item may have a comma of its own ("quality management certificate, e.g. ISO 9001"),
     * so the items are the first way of cutting the list where every piece has a translation.
     */
    private Optional<String> list(String value) {
        String[] parts = value.split(Pattern.quote(LISTED), -1);
        // items[i]: the translated items of the first i parts, when they can be cut so
        List<List<String>> items = new java.util.ArrayList<>(java.util.Collections.nCopies(parts.length + 1, null));
        items.set(0, List.of());
        for (int end = 1; end <= parts.length; end++) {
            for (int start = 0; start < end && items.get(end) == null; start++) {
                if (items.get(start) == null || start == 0 && end == parts.length) {
                    continue; // the whole value is not a list of one
                }
                Optional<String> item = findMessage(String.join(LISTED, java.util.Arrays.asList(parts).subList(start, end)));
                if (item.isPresent()) {
                    List<String> cut = new java.util.ArrayList<>(items.get(start));
                    cut.add(item.get());
                    items.set(end, cut);
                }
            }
        }
        List<String> translated = items.get(parts.length);
        return translated == null ? Optional.empty()
                : Optional.of(String.join("zh".equals(language) ? LISTED_ZH : LISTED, translated));
    }

    /** The translation of a run-time message ({@link #findMessage}), or the message itself. */
    public String translateMessage(String english) {
        return findMessage(english).orElse(english);
    }

    /**
     * A message that may be Dropflow's or another's words (a partner's answer, the engine's error):
     * its translation ({@link #findMessage}), else the original after a lead-in that says it is
     * untranslated, {@code leadIn} being a message pattern's English up to its {@code {original}}
     * ("The engine's own words, untranslated: "); else, in English, the message itself.
     */
    public String translateMessageOr(String leadIn, String message) {
        return findMessage(message).or(() -> findMessage(leadIn + message)).orElse(message);
    }

    /** The messages among these that have no translation ({@link #findMessage}), sorted. */
    public Set<String> missingMessages(Collection<String> english) {
        Set<String> missing = new TreeSet<>();
        for (String text : english) {
            if (findMessage(text).isEmpty()) {
                missing.add(text);
            }
        }
        return missing;
    }

    /** Message patterns whose translation drops, renames or repeats a {@code {parameter}}. */
    public Set<String> messagesWithBrokenParameters() {
        return messages.withBrokenParameters();
    }

    /**
     * The parameters the bundle has names for ({@code "{permission}=READ"}) that no message pattern has, alone
     * or as a list ({@code {candidateGroups}}): names that would translate nothing (a misspelt parameter).
     */
    public Set<String> namesOfNoParameter() {
        Set<String> unused = new TreeSet<>(names.parameters());
        unused.removeIf(parameter -> messages.hasParameter(parameter) || messages.hasParameter(parameter + "s"));
        return unused;
    }

    /** The texts among these that have no translation, sorted. */
    public Set<String> missing(Collection<String> english) {
        Set<String> missing = new TreeSet<>();
        for (String text : english) {
            if (find(text).isEmpty()) {
                missing.add(text);
            }
        }
        return missing;
    }

    /**
     * Entries whose translation does not carry the English text's {@code {{…}}} placeholders, each
     * exactly once: a lost placeholder would hide a fact from the operator.
     */
    public Set<String> withBrokenPlaceholders() {
        Set<String> broken = new TreeSet<>();
        translations.forEach((english, translated) -> {
            if (!placeholders(english).equals(placeholders(translated))) {
                broken.add(english);
            }
        });
        return broken;
    }

    private static List<String> placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        java.util.Collections.sort(found);
        return found;
    }
}
