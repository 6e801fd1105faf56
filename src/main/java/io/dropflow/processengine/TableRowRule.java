package io.dropflow.processengine;

import java.util.List;

/**
 * A module's own rule for the rows of a decision table the release ships and the module reads, which {@link TableRules}
 * asks with its own rules: so at a person's deployment (a 400), at the what-if check and in the build alike. A module
 * lists its rules in {@code META-INF/spring.factories} (TableRules reads them before any bean, as the build's tests do
 * without one), since processengine knows no feature's internals: groupbuy's keeps group-buy-cutoff.dmn's regions of
 * China spelled as pickup points store them.
 */
public interface TableRowRule {

    /** The decision id whose rows this rule reads ({@code "group_buy_cutoff"}). */
    String table();

    /**
     * What the row breaks, each starting with the row as {@link TableRules.Row#toString} says it ({@code row + ": …"});
     * empty when nothing.
     */
    List<String> problems(TableRules.Row row);
}
