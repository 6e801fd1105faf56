package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.processengine.TableRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Review s16 part 2, F6: an analyst who wrote {@code "Xizang"} (which ChinaRegion itself accepts as a point's input),
 * {@code "西藏"} or {@code "Nei Mongol"} into group-buy-cutoff.dmn's remote-regions row deployed a row that never
 * matched, since points in China store the English name ("Tibet") and the table compares spellings exactly: the
 * point got the default terms. The check a deployment and the what-if run ({@link TableRules#problems}) names the row,
 * the region and, where ChinaRegion knows it, the spelling to write instead.
 */
class CutoffTableRegionSpellingsTest {

    private static final String FILE = "group-buy-cutoff.dmn";
    private static final String REMOTE = FILE + ", table group_buy_cutoff, rule rule_remote_region (Remote regions: the"
            + " trucks leave earlier and take two days): ";
    private static final String REGIONS = "<inputEntry id=\"rule_remote_region_region\"><text>&quot;Xinjiang&quot;,"
            + "&quot;Tibet&quot;,&quot;Qinghai&quot;</text>";

    private static String shipped() throws IOException {
        return Files.readString(Path.of("bpmn", FILE));
    }

    private static List<String> problems(String table) {
        return TableRules.problems(FILE, table.getBytes(StandardCharsets.UTF_8));
    }

    /** The remote-regions row with these regions (FEEL: {@code "A","B"}). */
    private static String withRemoteRegions(String regions) throws IOException {
        String table = shipped();
        assertThat(table).contains(REGIONS);
        return table.replace(REGIONS, "<inputEntry id=\"rule_remote_region_region\"><text>" + regions + "</text>");
    }

    @Test
    void theShippedTableNamesRegionsAsPointsStoreThem() throws IOException {
        assertThat(problems(shipped())).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Xizang, Tibet", "西藏, Tibet", "Nei Mongol, Inner Mongolia", "xinjiang, Xinjiang", "CN-QH, Qinghai",
            "Xinjiang Uygur Autonomous Region, Xinjiang", "Guangdong Province, Guangdong", "Nei Menggu, Inner Mongolia",
            "Xīnjiāng, Xinjiang"})
    void aSpellingChinaRegionKnowsIsRefusedNamingTheOneToWrite(String written, String stored) throws IOException {
        List<String> problems = problems(withRemoteRegions("&quot;Xinjiang&quot;,&quot;" + written + "&quot;"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(REMOTE + "region \"" + written + "\"")
                .contains("write \"" + stored + "\"");
    }

    @Test
    void aRegionThatIsNoDivisionOfChinaIsRefusedNamingTheStoredOnes() throws IOException {
        List<String> problems = problems(withRemoteRegions("&quot;Urumqi&quot;,&quot;Tibet&quot;"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(REMOTE + "region \"Urumqi\"")
                .contains("no provincial-level division of China").contains("Xinjiang").contains("Inner Mongolia")
                .doesNotContain("CN-XJ");
    }

    @Test
    void aRegionInsideNotIsCheckedToo() throws IOException {
        List<String> problems = problems(withRemoteRegions("not(&quot;Xizang&quot;)"));

        assertThat(problems).singleElement().asString().startsWith(REMOTE + "region \"Xizang\"")
                .contains("write \"Tibet\"");
    }

    /**
     * A row for every country: another country's regions are free text, but a spelling of a region of China that is not
     * the stored one would not match a point in China either.
     */
    @Test
    void aRowForAnyCountryIsRefusedOnlyForASpellingOfChinaThatIsNotTheStoredOne() throws IOException {
        String anyCountry = shipped().replace("<inputEntry id=\"rule_remote_region_country\"><text>&quot;CN&quot;</text>",
                "<inputEntry id=\"rule_remote_region_country\"><text></text>");
        assertThat(problems(anyCountry)).isEmpty();
        String free = anyCountry.replace(REGIONS, "<inputEntry id=\"rule_remote_region_region\"><text>"
                + "&quot;Bayern&quot;,&quot;Tibet&quot;</text>");
        assertThat(problems(free)).isEmpty();
        String chinese = anyCountry.replace(REGIONS, "<inputEntry id=\"rule_remote_region_region\"><text>"
                + "&quot;Bayern&quot;,&quot;新疆&quot;</text>");
        assertThat(problems(chinese)).singleElement().asString().contains("region \"新疆\"").contains("write \"Xinjiang\"");

        String german = shipped().replace("<inputEntry id=\"rule_remote_region_country\"><text>&quot;CN&quot;</text>",
                "<inputEntry id=\"rule_remote_region_country\"><text>&quot;DE&quot;</text>").replace(REGIONS,
                "<inputEntry id=\"rule_remote_region_region\"><text>&quot;Bayern&quot;,&quot;Hessen&quot;</text>");
        assertThat(problems(german)).isEmpty();
    }
}
