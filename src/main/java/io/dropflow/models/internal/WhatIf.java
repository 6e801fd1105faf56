package io.dropflow.models.internal;

import io.dropflow.models.internal.WhatIfReport.DecisionReport;
import io.dropflow.models.internal.WhatIfReport.Example;
import io.dropflow.models.internal.WhatIfReport.RuleChange;
import io.dropflow.models.process.DecisionReplay;
import io.dropflow.models.process.DecisionReplay.Outcome;
import io.dropflow.models.process.DecisionReplay.Table;
import io.dropflow.models.process.RecordedDecisions;
import io.dropflow.models.process.RecordedDecisions.Recorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * The what-if check: each decision table of a changed DMN file replayed on the decisions the
 * engine recorded with the deployed table over the last days, compared output by output.
 */
@Service
class WhatIf {

    /** At most this many recorded decisions per table are replayed (the newest). */
    static final int MAX_REPLAYED = 100_000;

    private final DecisionReplay replay;
    private final RecordedDecisions recorded;
    private final Clock clock;

    WhatIf(DecisionReplay replay, RecordedDecisions recorded, Clock clock) {
        this.replay = replay;
        this.recorded = recorded;
        this.clock = clock;
    }

    /**
     * @throws WhatIfProblem when the file is no DMN, has no decision table, or none of its tables is deployed
     */
    WhatIfReport check(byte[] dmn, int days, int examples) {
        return check(null, dmn, days, examples);
    }

    /**
     * @param file the uploaded file's name (the multipart part's file name), null for a request's body: the problems
     *     name the file Dropflow ships the table in then
     * @throws WhatIfProblem when the file is no DMN, has no decision table, or none of its tables is deployed
     */
    WhatIfReport check(String file, byte[] dmn, int days, int examples) {
        // what a deployment would be refused for first: a hit policy the engine cannot read (PRIORITY) is said in
        // these words, not as the engine's parse failure (explore s16, defects 6 and 10)
        String name = file == null || file.isBlank() ? io.dropflow.processengine.TableRules.nameOf(dmn)
                : file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        List<String> broken = io.dropflow.processengine.TableRules.problems(name, dmn);
        if (!broken.isEmpty()) {
            throw WhatIfProblem.breaksRules(broken);
        }
        List<Table> tables;
        try {
            tables = replay.tables(dmn);
        } catch (IllegalArgumentException e) {
            throw WhatIfProblem.notDmn(e.getMessage());
        }
        if (tables.isEmpty()) {
            throw WhatIfProblem.notDmn("the file has no decision table");
        }
        List<String> unknown = tables.stream().map(Table::key).filter(key -> !recorded.isDeployed(key)).toList();
        if (unknown.size() == tables.size()) {
            throw WhatIfProblem.notDeployed(unknown);
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        List<DecisionReport> reports = new ArrayList<>();
        for (Table table : tables) {
            reports.add(unknown.contains(table.key())
                    ? new DecisionReport(table.key(), table.name(), 0, 0, 0, List.of(), List.of(), List.of(),
                            "Not deployed: no decision was ever made with a table " + table.key() + ", so none can change")
                    : report(table, recorded.since(table.key(), since, MAX_REPLAYED), days, examples));
        }
        return new WhatIfReport(days, since, reports);
    }

    private DecisionReport report(Table table, List<Recorded> decisions, int days, int examples) {
        int replayed = 0;
        Map<String, Integer> transitions = new TreeMap<>();
        List<Example> shown = new ArrayList<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (Recorded decision : decisions) {
            Outcome now;
            try {
                now = replay.evaluate(table, decision.variables());
            } catch (IllegalArgumentException e) {
                failures.merge(e.getMessage(), 1, Integer::sum);
                continue;
            }
            replayed++;
            if (!now.outputs().equals(decision.outputs())) {
                transitions.merge(rules(table, decision.ruleIds()) + "\u0000" + rules(table, now.ruleIds()), 1,
                        Integer::sum);
                if (shown.size() < examples) {
                    shown.add(new Example(decision.businessKey(), decision.evaluatedAt(), labelled(table,
                            decision.inputs()), decision.outputs(), now.outputs()));
                }
            }
        }
        int changed = transitions.values().stream().mapToInt(Integer::intValue).sum();
        List<RuleChange> ruleChanges = transitions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new RuleChange(e.getKey().split("\u0000", -1)[0], e.getKey().split("\u0000", -1)[1],
                        e.getValue()))
                .toList();
        List<String> notReplayed = failures.entrySet().stream()
                .map(e -> e.getValue() + " decision(s): " + e.getKey()).toList();
        String mostCommonFailure = failures.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(null);
        return new DecisionReport(table.key(), table.name(), decisions.size(), replayed, changed, ruleChanges, shown,
                notReplayed, summary(decisions.size(), replayed, changed, days, mostCommonFailure));
    }

    /**
     * The answer in one sentence. Decisions that could not be replayed come first, with why: "none would change"
     * about the rest is no all-clear when most were never compared.
     */
    private static String summary(int recorded, int replayed, int changed, int days, String failure) {
        String window = "in the last " + days + " day" + (days == 1 ? "" : "s");
        if (recorded == 0) {
            return "No decision was recorded " + window + ": nothing to compare with";
        }
        if (replayed < recorded) {
            String notReplayed = (recorded - replayed) + " of " + recorded + " decisions " + window
                    + " could not be replayed (see notReplayed: " + failure + ")";
            if (replayed == 0) {
                return notReplayed + "; none was compared";
            }
            return notReplayed + "; of the other " + replayed + ", " + (changed == 0 ? "none" : changed) + " would change";
        }
        if (changed == 0) {
            return "No recorded decision would change: all " + replayed + " decisions " + window + " come out the same";
        }
        return changed + " of " + replayed + " decisions " + window + " would change";
    }

    /** "rule 3: Top-tier supplier shipping domestically", or the rule's id when the changed table has no such rule. */
    private static String rules(Table table, List<String> ruleIds) {
        if (ruleIds.isEmpty()) {
            return "no rule";
        }
        return String.join(" + ", ruleIds.stream().map(id -> table.ruleNames().getOrDefault(id, id)).toList());
    }

    /** The inputs by their labels, as the analyst sees them in Modeler. */
    private static Map<String, Object> labelled(Table table, Map<String, Object> inputs) {
        Map<String, Object> labelled = new LinkedHashMap<>();
        inputs.forEach((id, value) -> labelled.put(table.inputLabels().getOrDefault(id, id), value));
        return labelled;
    }
}
