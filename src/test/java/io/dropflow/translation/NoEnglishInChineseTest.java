package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exploratory test s14 (tasklist, defect 9): English words left inside Chinese texts — "表单列出要求表（requirements
 * table）…", "只有平台（marketplace）订单…", "此任务不提供升级（escalate）", Cockpit's "Docu…mentation for", and Tasklist's
 * keyboard-shortcut help ("claims the currently selected task"). A Chinese text keeps Latin letters only where they
 * read the same in Chinese: placeholders, codes and ids (upper case: SKU, EUR, CJ), names (Camunda, Dropflow),
 * API paths, field names in back-quotes and the few technical words listed here.
 */
class NoEnglishInChineseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a Chinese text may keep: placeholders, back-quoted names, paths and addresses, identifiers. */
    private static final Pattern KEPT = Pattern.compile("\\{\\{.*?}}|\\{[^{}]*}|`[^`]*`|https?://\\S+|/\\S+|\\S+@\\S+"
            + "|\\b\\w+\\.\\w+(?:\\.\\w+)*\\b|\\b[a-z]+[A-Z]\\w*\\b|<[^>]+>");

    /** A word of three or more lower-case letters: English (codes and names start upper case). */
    private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![A-Za-z0-9_-])[a-z]{3,}(?![A-Za-z0-9_-])");

    /**
     * Words that read the same in Chinese: the values a yes/no field takes and the engine's null, a CJ message's field
     * names, a date pattern, a model step's name as Cockpit shows it (the models stay English), Camunda's "#resolve".
     */
    private static final Set<String> SAME_IN_CHINESE = Set.of("true", "false", "null", "params", "param", "vid", "dddd",
            "resolve");

    /** A model step's name as Cockpit shows it (the models stay English). */
    private static final Pattern STEP_NAME = Pattern.compile("“Refund consumer”");

    @ParameterizedTest
    @ValueSource(strings = {"forms/i18n/operator-texts.zh.json", "forms/i18n/operator-messages.zh.json",
            "src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/locales/zh.json",
            "src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/locales/zh.json",
            "src/main/resources/META-INF/resources/webjars/camunda/app/admin/locales/zh.json",
            "src/main/resources/META-INF/resources/webjars/camunda/app/welcome/locales/zh.json"})
    void chineseTextsHoldNoEnglishWords(String file) throws IOException {
        Set<String> english = new TreeSet<>();
        collect(JSON.readTree(Files.readString(Path.of(file)).replace("\uFEFF", "")), "", english);
        assertThat(english).as("Chinese texts of " + file + " with English words in them").isEmpty();
    }

    /** Tasklist shows a keyboard shortcut's description as config.js writes it: each comes in Chinese too. */
    @Test
    void tasklistsKeyboardShortcutsReadInChinese() throws IOException {
        String config = Files.readString(Path.of(
                "src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js"));
        Matcher shortcut = Pattern.compile("\\{key: '[^']+', description: (.*)}").matcher(config);
        int shortcuts = 0;
        while (shortcut.find()) {
            shortcuts++;
            assertThat(shortcut.group(1)).as("a shortcut's description in both languages")
                    .matches("words\\('[^']*[a-z][^']*', '[^']*\\p{IsHan}[^']*'\\)");
        }
        assertThat(shortcuts).as("shortcuts in config.js").isEqualTo(5);
        assertThat(config).as("chosen as Tasklist chooses its locale: the browser's first language")
                .contains("navigator.languages[0]", "=== 'zh'");
    }

    private static void collect(JsonNode node, String where, Set<String> english) {
        if (node.isObject()) {
            node.properties().forEach(entry -> collect(entry.getValue(), where + "/" + entry.getKey(), english));
        } else if (node.isTextual() && !where.startsWith("/dateLocales")) {
            String text = KEPT.matcher(STEP_NAME.matcher(node.asText()).replaceAll(" ")).replaceAll(" ");
            Matcher word = ENGLISH_WORD.matcher(text);
            while (word.find()) {
                if (!SAME_IN_CHINESE.contains(word.group())) {
                    english.add(where + " = " + node.asText() + "  (" + word.group() + ")");
                }
            }
        }
    }
}
