package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Exploratory test s14 (tasklist, defect 12): the same thing had two Chinese names — the restocking fee 重新入库费 on
 * the form's label and 重新上架费 in the policy text beside it, the operator 运营人员 in history tables and 操作员 in
 * filters and descriptions, "Info received" 已揽收信息 (揽收: picked up) where the timeline said 承运商已收到信息. The
 * glossary of docs/operator-language.md ("Words used throughout") names one term each and the words not to use;
 * no Chinese text uses those, neither Dropflow's nor the webapps' (Tasklist called the assignee 分配人, "assigner").
 */
class ChineseGlossaryTest {

    private static final List<String> CHINESE = List.of("forms/i18n/operator-texts.zh.json",
            "forms/i18n/operator-messages.zh.json");
    private static final String WEBAPPS = "src/main/resources/META-INF/resources/webjars/camunda/app/";

    @Test
    void chineseTextsUseTheGlossarysTerms() throws IOException {
        Set<String> avoided = avoidedWords();
        assertThat(avoided).as("the glossary's words not to use").contains("运营人员", "重新上架费", "揽收");
        Set<String> found = new TreeSet<>();
        for (String file : CHINESE) {
            Map<?, ?> entries = new ObjectMapper().readValue(Path.of(file).toFile(), Map.class);
            entries.forEach((english, chinese) -> avoided.stream().filter(word -> ((String) chinese).contains(word))
                    .forEach(word -> found.add(file + ": " + word + " in " + english + " = " + chinese)));
        }
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            String file = WEBAPPS + app + "/locales/zh.json";
            new ObjectMapper().readTree(Files.readString(Path.of(file)).replace("\uFEFF", "")).path("labels").properties()
                    .forEach(label -> avoided.stream().filter(word -> label.getValue().asText().contains(word))
                            .forEach(word -> found.add(file + ": " + word + " in " + label.getKey() + " = "
                                    + label.getValue().asText())));
        }
        assertThat(found).as("Chinese texts using a word the glossary says not to use").isEmpty();
    }

    /** The Chinese words of the glossary table's "not" column (its first word each, before any explanation). */
    private static Set<String> avoidedWords() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/operator-language.md"));
        int start = lines.indexOf("## Words used throughout");
        assertThat(start).as("the glossary in docs/operator-language.md").isNotNegative();
        Set<String> avoided = new TreeSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length == 5 && !cells[3].isBlank() && !cells[3].contains("---")) {
                String word = cells[3].strip().split(" ")[0];
                if (word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    avoided.add(word);
                }
            }
        }
        return avoided;
    }
}
