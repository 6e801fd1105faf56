package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camunda's webapps in Chinese: our {@code zh.json} of each app has exactly the keys of the English
 * file the Camunda webapp on the classpath ships (after a Camunda upgrade this names the new keys
 * to translate), our {@code config.js} offers both languages, and our stylesheet hides the
 * "migrate to Camunda 8" banner.
 */
class WebappTranslationsTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseHasEveryKeyTheWebappsEnglishHas(String app) throws IOException {
        JsonNode english = json(APP + app + "/locales/en.json");
        JsonNode chinese = json(APP + app + "/locales/zh.json");
        assertThat(keys(chinese.path("labels"))).as(app + "'s zh.json against the webapp's en.json")
                .isEqualTo(keys(english.path("labels")));
        assertThat(chinese.path("labels").path("BANNER_CE_EOL_TEXT").asText()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachAppOffersChineseAndEnglishAndHidesTheBanner(String app) throws IOException {
        assertThat(text(APP + app + "/scripts/config.js"))
                .contains("availableLocales: ['en', 'zh']", "fallbackLocale: 'en'");
        assertThat(text(APP + app + "/styles/user-styles.css"))
                .containsIgnoringWhitespaces("[cam-widget-header] .ce-eol-banner { display: none; }");
    }

    @Test
    void tasklistSpeaksTheOperatorsWords() throws IOException {
        JsonNode chinese = json(APP + "tasklist/locales/zh.json").path("labels");
        assertThat(chinese.path("CLAIM_TASK").asText()).isEqualTo("认领");
        assertThat(chinese.path("COMPLETE").asText()).isEqualTo("完成");
    }

    /**
     * Every label reads in Chinese, but for what reads the same in both languages: the vendor's name,
     * ids, file formats, the null/undefined markers and date-input patterns.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachAppIsTranslatedThroughout(String app) throws IOException {
        JsonNode english = json(APP + app + "/locales/en.json").path("labels");
        JsonNode chinese = json(APP + app + "/locales/zh.json").path("labels");
        Set<String> stillEnglish = new TreeSet<>();
        english.fieldNames().forEachRemaining(key -> {
            String text = english.get(key).asText();
            if (text.matches(".*[a-zA-Z]{3,}.*") && english.get(key).equals(chinese.get(key))
                    && !text.matches("Camunda|<null>|<undefined>|CSV|JSON|YYYY-MM-DDTHH:mm:ss")) {
                stillEnglish.add(key + " = " + text);
            }
        });
        assertThat(stillEnglish).as(app + " labels still in English").isEmpty();
    }

    private static Set<String> keys(JsonNode labels) {
        Set<String> keys = new TreeSet<>();
        labels.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode json(String resource) throws IOException {
        return new ObjectMapper().readTree(text(resource).replace("\uFEFF", ""));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = WebappTranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
