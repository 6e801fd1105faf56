package io.dropflow.models.internal;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a changed decision table would have decided differently, per table of the file: how many
 * recorded decisions it was replayed on, how many would change, between which rules, and examples.
 */
@Schema(description = "The changed tables replayed on the decisions recorded since `since`")
public record WhatIfReport(int days, Instant since, List<DecisionReport> decisions) {

    /**
     * @param recorded decisions the engine recorded for this table in the window
     * @param replayed those the changed table could decide again (the rest are in {@code notReplayed})
     * @param changed those where it decides differently (other outputs)
     * @param summary the answer in one sentence
     */
    public record DecisionReport(String key, String name, int recorded, int replayed, int changed,
            List<RuleChange> ruleChanges, List<Example> examples, List<String> notReplayed, String summary) {
    }

    /** {@code decisions} recorded decisions that matched {@code before} and would match {@code after}, with other outputs. */
    public record RuleChange(String before, String after, int decisions) {
    }

    /** One changed decision: for what (business key), when, on which inputs, what it was and what it would be. */
    public record Example(String businessKey, Instant evaluatedAt,
            @JsonSerialize(using = PlainNumbers.class) Map<String, Object> inputs,
            @JsonSerialize(using = PlainNumbers.class) List<Map<String, Object>> before,
            @JsonSerialize(using = PlainNumbers.class) List<Map<String, Object>> after) {
    }
}
