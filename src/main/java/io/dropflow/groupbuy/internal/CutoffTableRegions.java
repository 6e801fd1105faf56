package io.dropflow.groupbuy.internal;

import io.dropflow.processengine.TableRowRule;
import io.dropflow.processengine.TableRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * group-buy-cutoff.dmn names regions of China as pickup points there store them, the English name ({@link ChinaRegion},
 * "Tibet"): the table compares spellings exactly, so a row naming "Xizang" (which a point's input accepts), "西藏" or
 * "Nei Mongol" never matched, and its points silently got the default terms (review s16 part 2, F6). Every region a row
 * for country "CN" names is one of the stored names; a row for any country may name other countries' regions freely,
 * but not a region of China spelled otherwise. The refusal names the row, the region and, where ChinaRegion knows it,
 * the name to write. Asked by {@link TableRules} at deployment, at what-if and in the build ({@code
 * META-INF/spring.factories}).
 */
public class CutoffTableRegions implements TableRowRule {

    /** group-buy-cutoff.dmn's decision, as {@code groupbuy.process.GroupBuyBatchProcess.CUTOFF_DECISION}. */
    private static final String TABLE = "group_buy_cutoff";
    /** A FEEL string literal in a row's input entry ({@code "Xinjiang","Tibet"}, {@code not("Tibet")}). */
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<String> problems(TableRules.Row row) {
        String region = row.inputs().get("region");
        String country = row.inputs().getOrDefault("country", "");
        String countryTest = country == null ? "" : country.trim();
        boolean anyCountry = countryTest.isEmpty() || "-".equals(countryTest);
        boolean china = !countryTest.startsWith("not(") && literals(countryTest).stream().anyMatch(ChinaRegion::in);
        if (region == null || !(china || anyCountry)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (String named : literals(region)) {
            Optional<ChinaRegion> known = ChinaRegion.of(named);
            if (known.isPresent() && !known.get().english.equals(named)) {
                problems.add(row + ": region \"" + named + "\" is not spelled as pickup points in China store it, so the"
                        + " row never matches one: write \"" + known.get().english + "\"");
            } else if (known.isEmpty() && china) {
                problems.add(row + ": region \"" + named + "\" is no provincial-level division of China, so the row never"
                        + " matches a pickup point there: write one of " + ChinaRegion.storedNames());
            }
        }
        return problems;
    }

    private static List<String> literals(String entry) {
        List<String> literals = new ArrayList<>();
        Matcher quoted = LITERAL.matcher(entry);
        while (quoted.find()) {
            literals.add(quoted.group(1));
        }
        return literals;
    }
}
