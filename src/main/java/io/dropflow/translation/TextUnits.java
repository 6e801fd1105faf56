package io.dropflow.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The translatable units of a form's Markdown text: each line without its Markdown prefix (heading
 * marks, list bullet, quote), each cell of a table row; {@code {{…}}} templates stay inside the
 * unit, so a translation puts each fact where its own grammar wants it. Lines that hold only
 * templates or Markdown punctuation, table separators and code blocks are not translated.
 */
final class TextUnits {

    private static final Pattern LINE = Pattern.compile("^(\\s*(?:#{1,6}\\s+|[-*+]\\s+|>\\s?|\\d+[.)]\\s+)*)(.*?)(\\s*)$");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private TextUnits() {
    }

    /** The units of this text that need a translation, in order. */
    static List<String> of(String text) {
        List<String> units = new ArrayList<>();
        translate(text, unit -> {
            units.add(unit);
            return unit;
        });
        return units;
    }

    /** This text with each unit replaced by what {@code translation} makes of it. */
    static String translate(String text, UnaryOperator<String> translation) {
        String[] lines = text.split("\n", -1);
        boolean code = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("```")) {
                code = !code;
            } else if (!code) {
                lines[i] = line(lines[i], translation);
            }
        }
        return String.join("\n", lines);
    }

    private static String line(String line, UnaryOperator<String> translation) {
        Matcher parts = LINE.matcher(line);
        if (!parts.matches()) {
            return line;
        }
        String body = parts.group(2);
        if (body.startsWith("|") && body.endsWith("|") && body.length() > 1) {
            return parts.group(1) + tableRow(body, translation) + parts.group(3);
        }
        return parts.group(1) + unit(body, translation) + parts.group(3);
    }

    private static String tableRow(String row, UnaryOperator<String> translation) {
        String[] cells = row.substring(1, row.length() - 1).split("\\|", -1);
        StringBuilder out = new StringBuilder("|");
        for (String cell : cells) {
            String content = cell.strip();
            String translated = unit(content, translation);
            out.append(translated.equals(content) ? cell : cell.replace(content, translated)).append('|');
        }
        return out.toString();
    }

    private static String unit(String body, UnaryOperator<String> translation) {
        return needsTranslation(body) ? translation.apply(body) : body;
    }

    /** Words outside the templates: a line of templates and punctuation only is the same in every language. */
    static boolean needsTranslation(String text) {
        return LETTER.matcher(TEMPLATE.matcher(text).replaceAll("")).find();
    }
}
