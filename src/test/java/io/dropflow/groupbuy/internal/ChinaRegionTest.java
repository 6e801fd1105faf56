package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChinaRegionTest {

    @Test
    void everySpellingOfARegionIsThatRegion() {
        for (String spelling : new String[] {"Xinjiang", "XINJIANG", "xinjiang", "新疆", "新疆维吾尔自治区", "CN-XJ", "cn-xj",
            "XJ", "Xinjiang Uygur Autonomous Region", " Xinjiang "}) {
            assertThat(ChinaRegion.of(spelling)).as(spelling).contains(ChinaRegion.XINJIANG);
        }
        assertThat(ChinaRegion.of("Xizang")).contains(ChinaRegion.TIBET);
        assertThat(ChinaRegion.of("Shaanxi")).contains(ChinaRegion.SHAANXI);
        assertThat(ChinaRegion.of("Shanxi")).contains(ChinaRegion.SHANXI);
        assertThat(ChinaRegion.of("Atlantis")).isEmpty();
        assertThat(ChinaRegion.values()).hasSize(34);
        assertThat(Arrays.stream(ChinaRegion.values()).map(r -> r.code).distinct()).hasSize(34);
    }

    /** The regions group-buy-cutoff.dmn names are spelled as the regions are stored: else no point would match. */
    @Test
    void theCutoffTableNamesRegionsAsTheyAreStored() {
        var model = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(Path.of("bpmn", "group-buy-cutoff.dmn").toFile());
        var table = model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class).iterator().next();
        var inputs = java.util.List.copyOf(table.getInputs());
        int region = -1;
        for (int i = 0; i < inputs.size(); i++) {
            if ("region".equals(inputs.get(i).getInputExpression().getText().getTextContent().trim())) {
                region = i;
            }
        }
        assertThat(region).as("the table's region input").isNotNegative();
        java.util.List<String> named = new java.util.ArrayList<>();
        for (var rule : table.getRules()) {
            Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(
                    java.util.List.copyOf(rule.getInputEntries()).get(region).getText().getTextContent());
            while (quoted.find()) {
                named.add(quoted.group(1));
            }
        }
        assertThat(named).as("the regions the table names").contains("Xinjiang", "Tibet", "Qinghai");
        for (String name : named) {
            assertThat(ChinaRegion.of(name).map(r -> r.english)).as(name).contains(name);
        }
    }

    /** The one lookup a point's stored region and the table's input both go through. */
    @Test
    void aRegionIsStoredAsItsEnglishNameInChinaAndAsGivenElsewhere() {
        assertThat(ChinaRegion.asStored("CN", "新疆", unknown -> "?")).isEqualTo("Xinjiang");
        assertThat(ChinaRegion.asStored(" cn ", "xz", unknown -> "?")).isEqualTo("Tibet");
        assertThat(ChinaRegion.asStored("CN", "Urumqi", unknown -> "kept " + unknown)).isEqualTo("kept Urumqi");
        assertThat(ChinaRegion.asStored("DE", "新疆", unknown -> "?")).isEqualTo("新疆");
        assertThat(ChinaRegion.asStored(null, "Bayern", unknown -> "?")).isEqualTo("Bayern");
        assertThat(ChinaRegion.asStored("CN", " ", unknown -> "?")).isEqualTo(" ");
        assertThat(ChinaRegion.asStored("CN", null, unknown -> "?")).isNull();
    }
}
