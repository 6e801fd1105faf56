package io.dropflow.processengine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * What makes a decision table of Dropflow's safe to deploy: one definition, applied by the build (the table tests call
 * it on {@code bpmn/*.dmn}), at deploy time ({@link DeploymentContents}: a person's deployment that breaks a rule is a
 * 400) and by the what-if check. Two kinds of rule:
 *
 * <ul>
 * <li><b>What the application reads</b>, for every table the release ships (by decision id): each output of the
 * release's table is still there with its type (but for those read only when given, {@link #OPTIONAL}), a table read
 * as one rule keeps a hit policy that gives one and a COLLECT table stays COLLECT, each input reads what the release's
 * table reads (the application gives a table those variables and no others), a number or true/false output holds no
 * text, is filled in and holds no FEEL name of a variable the application does not give the table ({@link FeelNames}:
 * {@code three} without quotes is such a name, nothing at run time), and an output the release fills with ISO
 * durations ({@code "PT2M"}) holds durations as the application reads them ({@link DecisionRow#durationOf},
 * {@link DecisionRow#isStep}: the same parse at deploy and at run time).</li>
 * <li><b>Rows that add up</b>: an order's reminder comes before its deadline, a claim's rounds fit into its resolve
 * target, a return's operator decides within the
 * supplier's answer time, an escalated task moves above every task's own priority, the scorecard's weights are
 * shares adding up to 1, a platform fee is a share below 1, the after-sales windows close before the margin is
 * final (docs/modeling.md).</li>
 * <li><b>A module's own rules</b> for the rows of a table it reads ({@link TableRowRule}, listed in
 * {@code META-INF/spring.factories}): group-buy-cutoff.dmn's regions of China spelled as pickup points store them.</li>
 * </ul>
 */
public final class TableRules {

    /** The engine's other DMN ending (its DMN deployer takes {@code .dmn} and {@code .dmn11.xml}). */
    private static final String DMN11 = ".dmn11.xml";

    /**
     * One row of a table: its outputs by name and its input entries by the input's expression ({@code "region"}), as the
     * analyst typed them (FEEL text; "" or "-": any; null: no such cell).
     */
    public record Row(String file, String table, String rule, String description, Map<String, String> outputs,
            Map<String, String> inputs) {

        @Override
        public String toString() {
            return file + ", table " + table + ", rule " + rule + (description.isBlank() ? "" : " (" + description + ")");
        }
    }

    private static final Set<String> NUMBERS = Set.of("integer", "long", "double", "number");

    /** Rows that add up, by decision id. */
    private static final Map<String, BiConsumer<Row, List<String>>> ROW_RULES = Map.of(
            "claim_deadlines", TableRules::claimRow,
            "return_deadlines", TableRules::returnRow,
            "supplier_scorecard", TableRules::scorecardRow,
            "platform_fees", TableRules::feeRow,
            "after_sales_windows", TableRules::windowsRow,
            "order_deadlines", TableRules::orderRow,
            "onboarding_terms", TableRules::onboardingTermsRow,
            "group_buy_cutoff", TableRules::cutoffRow,
            "return_policy", TableRules::returnPolicyRow,
            "shipping_sla", TableRules::slaRow);

    /**
     * Outputs the application reads only when a rule gives them ({@link DecisionRow#textOrNull}, {@code has},
     * {@code yesIfGiven}) or not at all, by decision id: a table may drop them (the "Why" column of supplier
     * selection). Every other output of the release's table is read and must stay.
     */
    static final Map<String, Set<String>> OPTIONAL = Map.of(
            "supplier_selection", Set.of("why"),
            "shipping_sla", Set.of("why"),
            "claim_cost_bearer", Set.of("rule"),
            "return_policy", Set.of("returnShippingPaidBy", "restockingFeeRate", "supplierMustAgree",
                    "exchangeAfterReceipt", "rule"),
            "return_refund_basis", Set.of("rule"),
            "exchange_shipping_bearer", Set.of("rule"),
            "onboarding_documents", Set.of("mustExpire"));

    /**
     * Rows whose outputs read only when given ({@link #OPTIONAL}) the application does not read, by decision id: a return
     * policy's row that refuses the return ({@code allowed} false) leaves what an allowed return does empty.
     */
    private static final Map<String, java.util.function.Predicate<Row>> NOT_READ = Map.of("return_policy",
            row -> "false".equals(Objects.toString(row.outputs().get("allowed"), "").trim()));

    /** A number or true/false written as such: FEEL's literal ({@code 48}, {@code -0.5}, {@code true}). */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "[-+]?(\\d+(\\.\\d*)?|\\.\\d+)|true|false");

    /** Outputs read as a step a schedule repeats by ({@link DecisionRow#step}), not a duration, by decision id. */
    private static final Map<String, Set<String>> STEPS = Map.of("group_buy_cutoff", Set.of("cutoffEvery"));

    /**
     * The hit policy every table read as one rule ({@link DecisionRow#decide}) keeps: FIRST. UNIQUE and ANY give one rule
     * too, but stop the step the moment two rows match, and every table's default row (every input "-") matches with
     * every other row (explore s16, defect 2): only FIRST is allowed, as docs/modeling.md says.
     */
    private static final Set<String> ONE_RULE = Set.of("FIRST");

    /** Hit policies of the DMN standard that Camunda 7's DMN engine does not implement (it refuses them, DMN-02007). */
    private static final Set<String> UNSUPPORTED = Set.of("PRIORITY", "OUTPUT ORDER");

    private TableRules() {
    }

    /**
     * The shape of a released table: its inputs' expressions and types, its outputs' types, its duration outputs, its
     * hit policy (with its aggregation, if any: "COLLECT SUM").
     */
    record Shape(String file, Map<String, String> inputs, Map<String, String> outputs, Set<String> durations, String hitPolicy) {
    }

    private static final class Released {
        static final Map<String, Shape> TABLES = shapes(ModelDeployment.MODELS.replace("{bpmn,dmn}", "dmn"));
    }

    /** The modules' own rules ({@link TableRowRule}), by decision id. */
    private static final class Contributed {
        static final Map<String, List<TableRowRule>> RULES = SpringFactoriesLoader
                .forDefaultResourceLocation(TableRules.class.getClassLoader()).load(TableRowRule.class).stream()
                .collect(java.util.stream.Collectors.groupingBy(TableRowRule::table));
    }

    /**
     * Every rule a DMN file's tables break, for people: "{@code claim-deadlines.dmn, table claim_deadlines, rule
     * rule_default (…): respond 24 h + 10 round(s) × (…) = 264 h is beyond resolve 72 h}"; empty when none (and for a
     * file the DMN model API cannot read: the engine says why).
     */
    public static List<String> problems(String file, byte[] dmn) {
        return problems(file, dmn, Released.TABLES);
    }

    static List<String> problems(String file, byte[] dmn, Map<String, Shape> released) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
        } catch (RuntimeException notDmn) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        renamed(file, model, released, problems);
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            Shape shape = released.get(decision.getId());
            DecisionTable table = decision.getExpression() instanceof DecisionTable t ? t : null;
            if (table == null) {
                continue;
            }
            String where = file + ", table " + decision.getId();
            String kept = decision.getCamundaHistoryTimeToLiveString();
            if (kept == null || kept.isBlank()) {
                // the engine's own refusal at deployment (ENGINE-12018, enforce-history-time-to-live), said by the
                // what-if check too (explore s16, defect 10): Modeler leaves the field empty on a new table
                problems.add(where + ": it has no History Time To Live (Modeler: the decision's \"History cleanup\","
                        + " camunda:historyTimeToLive; every shipped table keeps P180D); the engine deploys no decision"
                        + " without one (ENGINE-12018)");
            }
            Shape now = shape(table);
            if (UNSUPPORTED.contains(now.hitPolicy())) {
                problems.add(where + ": Camunda 7 does not support hit policy " + now.hitPolicy() + "; use FIRST (the first"
                        + " matching rule, in the table's order)");
                continue;
            }
            if (shape == null) {
                continue;
            }
            if (ONE_RULE.contains(shape.hitPolicy()) && Set.of("UNIQUE", "ANY").contains(now.hitPolicy())) {
                problems.add(where + ": hit policy " + now.hitPolicy() + " stops the step as soon as two rows match,"
                        + " and the default row (\"-\" in every input) matches with every other row; use FIRST (the"
                        + " first matching rule, in the table's order), which the application reads");
            } else if (ONE_RULE.contains(shape.hitPolicy()) && !ONE_RULE.contains(now.hitPolicy())) {
                problems.add(where + ": hit policy " + now.hitPolicy() + " gives every matching rule, where the"
                        + " application reads one (the release's table: " + shape.hitPolicy() + ")");
            } else if (!ONE_RULE.contains(shape.hitPolicy()) && !Objects.equals(shape.hitPolicy(), now.hitPolicy())) {
                problems.add(where + ": hit policy " + now.hitPolicy() + "; the application reads every matching rule"
                        + " (the release's table: " + shape.hitPolicy() + ")");
            }
            shape.outputs().forEach((name, type) -> {
                boolean optional = OPTIONAL.getOrDefault(decision.getId(), Set.of()).contains(name);
                if (!now.outputs().containsKey(name) && !optional) {
                    problems.add(where + ": output " + name + " (" + type + ") is missing; the application reads it");
                } else if (now.outputs().containsKey(name) && !Objects.equals(type, now.outputs().get(name))) {
                    problems.add(where + ": output " + name + " is of type " + now.outputs().get(name)
                            + "; the application reads it as " + type);
                }
            });
            now.inputs().forEach((expression, type) -> {
                if (!shape.inputs().containsKey(expression)) {
                    problems.add(where + ": an input reads " + expression + ", which the application does not give this"
                            + " table (it gives " + String.join(", ", shape.inputs().keySet()) + ")");
                } else if (!Objects.equals(type, shape.inputs().get(expression))) {
                    problems.add(where + ": input " + expression + " is of type " + type + "; the application gives it as "
                            + shape.inputs().get(expression));
                }
            });
            Map<String, Set<String>> notFeel = notFeel(table);
            for (Row row : rows(file, decision.getId(), table)) {
                Set<String> empty = new java.util.HashSet<>();
                Set<String> texts = cells(row, shape, problems, empty);
                texts.addAll(expressions(row, shape, notFeel.getOrDefault(row.rule(), Set.of()), problems));
                calls(row, shape, notFeel.getOrDefault(row.rule(), Set.of()), problems);
                List<String> said = rowProblems(row);
                // a text in a number cell is said once, by cells (explore s16, defect 10), not again by its range
                said.removeIf(problem -> texts.stream().anyMatch(name -> problem.startsWith(row + ": " + name + " is ")));
                problems.addAll(said);
                // an empty number cell the row's own rules do not name (explore s17, defect 4): said here
                for (String name : empty) {
                    if (said.stream().noneMatch(problem -> problem.startsWith(row + ": " + name + " is "))) {
                        problems.add(row + ": " + name + " is not filled in; it is a number (" + shape.outputs().get(name)
                                + ")");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * A file Dropflow ships (the same resource name) whose decision ids Dropflow reads are gone while ids it does not
     * read came: a decision id renamed in Modeler, whose table would deploy and never be read (explore s16, defect 1).
     */
    private static void renamed(String file, DmnModelInstance model, Map<String, Shape> released, List<String> problems) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        // under either ending the engine deploys DMN from: platform-fees.dmn11.xml is the shipped platform-fees.dmn
        // (explore s18, H6: its renamed decision id deployed and was never read)
        String shipped = name.toLowerCase(Locale.ROOT).endsWith(DMN11)
                ? name.substring(0, name.length() - DMN11.length()) + ".dmn" : name;
        // in any case: platform-fees.DMN is the shipped file too (explore s17, defect 6; a deployment refuses the name)
        List<String> read = released.entrySet().stream().filter(e -> shipped.equalsIgnoreCase(e.getValue().file()))
                .map(Map.Entry::getKey).sorted().toList();
        if (read.isEmpty()) {
            return;
        }
        List<String> held = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
        List<String> missing = read.stream().filter(id -> !held.contains(id)).toList();
        List<String> unknown = held.stream().filter(id -> !released.containsKey(id)).toList();
        if (!missing.isEmpty() && !unknown.isEmpty()) {
            problems.add(name + " holds decision " + String.join(", ", unknown) + "; Dropflow reads "
                    + String.join(", ", missing) + ": a renamed id is never read (set the decision's id back in Modeler;"
                    + " a new decision comes with a release)");
        }
    }

    /** The file Dropflow ships a decision in ("platform-fees.dmn" for platform_fees); empty for one it does not ship. */
    public static java.util.Optional<String> shippedFile(String decisionId) {
        return java.util.Optional.ofNullable(Released.TABLES.get(decisionId)).map(Shape::file);
    }

    /**
     * What to call a DMN file that came without a name (a what-if request's body): the file Dropflow ships one of its
     * decisions in ("order-deadlines.dmn"), else "the file of decision x", else "the file".
     */
    public static String nameOf(byte[] dmn) {
        List<String> ids;
        try {
            ids = Dmn.readModelFromStream(new ByteArrayInputStream(dmn)).getModelElementsByType(Decision.class).stream()
                    .map(Decision::getId).toList();
        } catch (RuntimeException notDmn) {
            return "the file";
        }
        return ids.stream().map(TableRules::shippedFile).flatMap(java.util.Optional::stream).findFirst()
                .orElse(ids.isEmpty() ? "the file" : "the file of decision " + ids.get(0));
    }

    /** The rows of every table of a DMN file. */
    public static List<Row> rows(String file, byte[] dmn) {
        DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
        List<Row> rows = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (decision.getExpression() instanceof DecisionTable table) {
                rows.addAll(rows(file, decision.getId(), table));
            }
        }
        return rows;
    }

    /**
     * The rules a row of this table breaks (the rows that add up, a module's own rules); empty when none, or the table
     * has no such rules.
     */
    public static List<String> rowProblems(Row row) {
        List<String> problems = new ArrayList<>();
        BiConsumer<Row, List<String>> rule = ROW_RULES.get(row.table());
        if (rule != null) {
            rule.accept(row, problems);
        }
        for (TableRowRule own : Contributed.RULES.getOrDefault(row.table(), List.of())) {
            problems.addAll(own.problems(row));
        }
        return problems;
    }

    private static List<Row> rows(String file, String id, DecisionTable table) {
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        List<Input> inputs = new ArrayList<>(table.getInputs());
        List<Row> rows = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            Map<String, String> values = new LinkedHashMap<>();
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < outputs.size(); i++) {
                values.put(outputs.get(i).getName(), i < entries.size() && entries.get(i).getText() != null
                        ? entries.get(i).getText().getTextContent() : null);
            }
            Map<String, String> tests = new LinkedHashMap<>();
            List<InputEntry> given = new ArrayList<>(rule.getInputEntries());
            for (int i = 0; i < inputs.size(); i++) {
                tests.put(expression(inputs.get(i)), i < given.size() && given.get(i).getText() != null
                        ? given.get(i).getText().getTextContent() : null);
            }
            rows.add(new Row(file, id, rule.getId(), rule.getDescription() == null ? ""
                    : rule.getDescription().getTextContent().trim(), values, tests));
        }
        return rows;
    }

    /**
     * A number or true/false output holds no text, and a whole number its type can hold (explore s17, defect 9:
     * 4800000000 in an {@code integer} output deployed and every evaluation then failed, DMN-01005); a duration output
     * holds ISO durations, quoted and filled in (explore s17, defect 4: an empty cell, or {@code P3D} without quotes,
     * which FEEL reads as a name, gave nothing at run time and every order on the row failed).
     *
     * @param empty gets the number outputs (not {@link #OPTIONAL}) left empty, for the caller to name once
     * @return the number and true/false outputs that hold a text or a number too big for their type
     */
    private static Set<String> cells(Row row, Shape shape, List<String> problems, Set<String> empty) {
        Set<String> texts = new java.util.HashSet<>();
        row.outputs().forEach((name, text) -> {
            String type = shape.outputs().get(name);
            String value = text == null ? "" : text.trim();
            if (type == null || OPTIONAL.getOrDefault(row.table(), Set.of()).contains(name) && value.isEmpty()
                    && !"boolean".equals(type)) {
                return;
            }
            boolean step = STEPS.getOrDefault(row.table(), Set.of()).contains(name);
            boolean duration = step || shape.durations().contains(name);
            if (NUMBERS.contains(type) && value.isEmpty()) {
                empty.add(name);
                return;
            }
            if ("boolean".equals(type) && value.isEmpty()) {
                // explore s17's leftovers: an empty true/false cell gives nothing; eligible, allowed and
                // leaveOutEarlyCancellations then stop every case the row decides, and one read only when given
                // (supplierMustAgree, mustExpire) reads as false, which nobody wrote
                if (!OPTIONAL.getOrDefault(row.table(), Set.of()).contains(name)) {
                    problems.add(row + ": " + name + " is not filled in; it is true or false, and an empty cell gives"
                            + " nothing: every case this row decides would stop. Write true or false");
                } else if (!NOT_READ.getOrDefault(row.table(), r -> false).test(row)) {
                    problems.add(row + ": " + name + " is not filled in; an empty cell reads as false, which nobody"
                            + " wrote. Write true or false");
                }
                return;
            }
            if (("integer".equals(type) || "long".equals(type)) && value.matches("[-+]?\\d+")) {
                java.math.BigInteger whole = new java.math.BigInteger(value);
                java.math.BigInteger max = java.math.BigInteger.valueOf("integer".equals(type) ? Integer.MAX_VALUE
                        : Long.MAX_VALUE);
                java.math.BigInteger min = java.math.BigInteger.valueOf("integer".equals(type) ? Integer.MIN_VALUE
                        : Long.MIN_VALUE);
                if (whole.compareTo(max) > 0 || whole.compareTo(min) < 0) {
                    texts.add(name);
                    problems.add(row + ": " + name + " is " + value + ", " + (whole.signum() > 0 ? "more" : "less")
                            + " than an " + type + " output holds (" + (whole.signum() > 0 ? "at most " + max
                            : "at least " + min) + "); the engine fails on every case this row decides");
                }
                return;
            }
            if (("integer".equals(type) || "long".equals(type)) && value.matches("[-+]?\\d*\\.\\d+")
                    && new java.math.BigDecimal(value).stripTrailingZeros().scale() > 0) {
                // explore s18, H5: tier 1.5 in an integer output deployed; every case the row decided then failed
                // (DMN-01005: the engine's integer type takes a number only when it is whole)
                texts.add(name);
                java.math.BigDecimal number = new java.math.BigDecimal(value);
                problems.add(row + ": " + name + " is " + value + ", not a whole number; an " + type + " output holds"
                        + " whole numbers only, and the engine fails on every case this row decides. Write a whole number"
                        + " such as " + number.setScale(0, java.math.RoundingMode.FLOOR).toPlainString() + " or "
                        + number.setScale(0, java.math.RoundingMode.CEILING).toPlainString());
                return;
            }
            if (duration && !value.startsWith("\"")) {
                problems.add(row + ": " + name + " is " + (value.isEmpty() ? "not filled in, not " + (step
                        ? "a number of days or a duration, more than none (\"P1D\" daily, \"PT2M\")"
                        : "an ISO-8601 duration of days or hours such as \"PT2M\" or \"P3D\"")
                        : value + " without quotes, which FEEL reads as a name (nothing): write \"" + value + "\""));
                return;
            }
            if (!value.startsWith("\"")) {
                return;
            }
            if (NUMBERS.contains(type) || "boolean".equals(type)) {
                texts.add(name);
                problems.add(row + ": " + name + " is the text " + value + "; it is " + ("boolean".equals(type)
                        ? "true or false" : "a number (" + type + ")"));
                return;
            }
            String unquoted = value.substring(1, Math.max(1, value.length() - 1));
            if (step) {
                if (!DecisionRow.isStep(unquoted)) {
                    problems.add(row + ": " + name + " is " + value + ", not a number of days or a duration, more than"
                            + " none (\"P1D\" daily, \"PT2M\")");
                }
            } else if (duration && DecisionRow.durationOf(unquoted) == null) {
                problems.add(row + ": " + name + " is " + value + ", not an ISO-8601 duration of days or hours such as"
                        + " \"PT2M\" or \"P3D\" (weeks and months are not: \"P7D\" for a week)");
            }
        });
        return texts;
    }

    /**
     * A number or true/false cell written as a FEEL expression (explore s17's leftovers): FEEL reads a word without quotes
     * as a variable ({@code tier}, {@code three}, {@code yes}), and a variable the application does not give the table
     * is nothing, so the cell gives nothing and every case the row decides stops at run time (its incident: "its tier
     * was empty"). An expression of the variables the application gives the table (its inputs: shipping-sla.dmn's
     * {@code min([48, agreedHours])}) is read as the release's tables read them; one FEEL cannot parse is refused too.
     *
     * @param notFeel the outputs whose cell in this row names another expression language (not judged here)
     * @return the outputs refused, so that a row rule does not say the same cell again
     */
    private static Set<String> expressions(Row row, Shape shape, Set<String> notFeel, List<String> problems) {
        Set<String> refused = new java.util.HashSet<>();
        row.outputs().forEach((name, text) -> {
            String type = shape.outputs().get(name);
            String value = text == null ? "" : text.trim();
            boolean yesOrNo = "boolean".equals(type);
            if (type == null || !(NUMBERS.contains(type) || yesOrNo) || value.isEmpty() || value.startsWith("\"")
                    || notFeel.contains(name)) {
                return;
            }
            String write = yesOrNo ? "true or false" : "a number (" + type + ")";
            if ("null".equals(value)) {
                // FEEL's nothing, as an empty cell: read only when given, it is left out; otherwise the row stops
                if (!OPTIONAL.getOrDefault(row.table(), Set.of()).contains(name)) {
                    refused.add(name);
                    problems.add(row + ": " + name + " is null, which gives nothing: every case this row decides would"
                            + " stop. Write " + write);
                } else if (yesOrNo && !NOT_READ.getOrDefault(row.table(), r -> false).test(row)) {
                    refused.add(name);
                    problems.add(row + ": " + name + " is null, which reads as false, which nobody wrote. Write " + write);
                }
                return;
            }
            if (LITERAL.matcher(value).matches()) {
                if (yesOrNo != value.matches("true|false")) {
                    // a number in a true/false output, true or false in a number output: the engine's type check fails
                    refused.add(name);
                    problems.add(row + ": " + name + " is " + value + "; it is " + write + ": every case this row"
                            + " decides would stop. Write " + write);
                }
                return;
            }
            List<String> given = shape.inputs().keySet().stream().filter(FeelNames::isName).toList();
            java.util.Optional<Set<String>> read = FeelNames.read(value);
            if (read.isEmpty()) {
                refused.add(name);
                problems.add(row + ": " + name + " is " + value + ", which FEEL cannot read: every case this row decides"
                        + " would stop. Write " + write + ", or an expression FEEL reads of "
                        + String.join(", ", given));
                return;
            }
            List<String> failing = FeelNames.callsFeelFails(value, false);
            if (!failing.isEmpty()) {
                // fixer s18, item 2: minimum([48, agreedHours]) for min(...) deployed and stopped every case at run time
                refused.add(name);
                problems.add(row + ": " + name + " is " + value + ", which calls " + String.join("; ", failing)
                        + ": every case this row decides would stop. Write " + write + ", or an expression of FEEL's"
                        + " own functions");
                return;
            }
            List<String> unknown = read.get().stream().filter(variable -> !given.contains(variable)).sorted().toList();
            if (unknown.isEmpty()) {
                return;
            }
            refused.add(name);
            boolean bare = unknown.size() == 1 && value.equals(unknown.get(0));
            problems.add(row + ": " + name + " is " + value + (bare ? " without quotes or digits, which FEEL reads as a"
                    + " variable" : ", which reads " + String.join(", ", unknown)) + ", and the application gives this"
                    + " table no such variable (it gives " + String.join(", ", given) + "): the cell would give nothing"
                    + " and every case this row decides would stop. Write " + write + (bare ? "" : ", or an expression"
                    + " of those"));
        });
        return refused;
    }

    /**
     * A function FEEL does not have (or not with those arguments) in a cell {@link #expressions} does not read: a text
     * output's expression ({@code uppercase(...)} for {@code upper case(...)}) or an input's tests: the engine fails on
     * it, and every case that reaches the row stops (fixer s18, item 2). Cells that FEEL cannot parse are not judged here.
     *
     * @param notFeel the outputs, and the inputs ({@code "input " + expression}), whose cell in this row names another
     *     expression language
     */
    private static void calls(Row row, Shape shape, Set<String> notFeel, List<String> problems) {
        row.outputs().forEach((name, text) -> {
            String type = shape.outputs().get(name);
            String value = text == null ? "" : text.trim();
            if (type == null || NUMBERS.contains(type) || "boolean".equals(type) || value.isEmpty()
                    || notFeel.contains(name)) {
                return;
            }
            List<String> failing = FeelNames.callsFeelFails(value, false);
            if (!failing.isEmpty()) {
                problems.add(row + ": " + name + " is " + value + ", which calls " + String.join("; ", failing)
                        + ": every case this row decides would stop. Write a text in quotes, or an expression of FEEL's"
                        + " own functions");
            }
        });
        row.inputs().forEach((input, text) -> {
            String value = text == null ? "" : text.trim();
            if (value.isEmpty() || "-".equals(value) || notFeel.contains("input " + input)) {
                return;
            }
            List<String> failing = FeelNames.callsFeelFails(value, true);
            if (!failing.isEmpty()) {
                problems.add(row + ": input " + input + " is " + value + ", which calls " + String.join("; ", failing)
                        + ": every case that reaches this row would stop. Write a test of FEEL's own functions");
            }
        });
    }

    /** The outputs (and inputs: {@code "input " + expression}) whose cell names a language other than FEEL, by rule id. */
    private static Map<String, Set<String>> notFeel(DecisionTable table) {
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        List<Input> inputs = new ArrayList<>(table.getInputs());
        Map<String, Set<String>> notFeel = new LinkedHashMap<>();
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < Math.min(outputs.size(), entries.size()); i++) {
                String language = entries.get(i).getExpressionLanguage();
                if (language != null && !language.isBlank() && !language.toLowerCase(java.util.Locale.ROOT).contains("feel")) {
                    notFeel.computeIfAbsent(rule.getId(), id -> new java.util.HashSet<>()).add(outputs.get(i).getName());
                }
            }
            List<InputEntry> tests = new ArrayList<>(rule.getInputEntries());
            for (int i = 0; i < Math.min(inputs.size(), tests.size()); i++) {
                String language = tests.get(i).getExpressionLanguage();
                if (language != null && !language.isBlank() && !language.toLowerCase(java.util.Locale.ROOT).contains("feel")) {
                    notFeel.computeIfAbsent(rule.getId(), id -> new java.util.HashSet<>()).add("input "
                            + expression(inputs.get(i)));
                }
            }
        }
        return notFeel;
    }

    // ---- rows that add up ------------------------------------------------------------------------------------------

    /**
     * The review is due respondWithinHours after filing; then each round gives the supplier supplierAnswerHours and the
     * operator negotiateWithinHours. All rounds used to the full must still end within resolveWithinHours, or the
     * resolution deadline fires on every claim whose supplier simply takes its time.
     */
    private static void claimRow(Row row, List<String> problems) {
        Long respond = hours(row, "respondWithinHours", problems);
        Long resolve = hours(row, "resolveWithinHours", problems);
        Long supplier = hours(row, "supplierAnswerHours", problems);
        Long negotiate = hours(row, "negotiateWithinHours", problems);
        Long rounds = hours(row, "negotiationRounds", problems);
        hours(row, "evidenceWaitHours", problems);
        hours(row, "replacementShipByHours", problems);
        hours(row, "platformAnswerHours", problems);
        escalation(row, problems);
        if (respond != null && resolve != null && supplier != null && negotiate != null && rounds != null
                && respond + rounds * (supplier + negotiate) > resolve) {
            problems.add(row + ": respond " + respond + " h + " + rounds + " round(s) × (supplier " + supplier
                    + " h + operator " + negotiate + " h) = " + (respond + rounds * (supplier + negotiate))
                    + " h is beyond resolve " + resolve + " h: the resolution deadline would fire on every claim whose"
                    + " supplier uses its time");
        }
    }

    /**
     * An order's reminder comes before its ship-by deadline (a share strictly between 0 and 1), its waits are whole
     * positive hours, its escalation moves above every task's own priority, its minimum margin is a share.
     */
    private static void orderRow(Row row, List<String> problems) {
        Double reminder = share(row, "reminderAtShare", problems);
        if (reminder != null && (reminder <= 0 || reminder >= 1)) {
            problems.add(row + ": reminderAtShare is " + reminder + "; the supplier is reminded before the deadline,"
                    + " a share above 0 and below 1");
        }
        for (String wait : List.of("operatorDecisionHours", "restockWaitHours", "partnerAnswerHours",
                "trackingStallHours")) {
            hours(row, wait, problems);
        }
        escalation(row, problems);
        share(row, "minimumMarginRate", problems);
    }

    /** Every wait whole positive hours; an operator decides before the supplier's next answer is due. */
    private static void returnRow(Row row, List<String> problems) {
        Long supplier = hours(row, "supplierAnswerHours", problems);
        Long decide = hours(row, "decideWithinHours", problems);
        for (String wait : List.of("negotiationRounds", "consumerAnswerHours", "inspectionHours", "exchangeShipByHours",
                "trackingStallHours")) {
            hours(row, wait, problems);
        }
        escalation(row, problems);
        if (supplier != null && decide != null && decide >= supplier) {
            problems.add(row + ": the operator decides within " + decide + " h, not within the supplier's " + supplier
                    + " h: an escalated return would reach supervisors after the supplier's time");
        }
    }

    /** A task handed to supervisors moves above every task's own priority (the models give at most 80). */
    private static void escalation(Row row, List<String> problems) {
        Long priority = whole(row, "escalationPriority", problems, "a whole number");
        if (priority != null && (priority <= 80 || priority > 100)) {
            problems.add(row + ": escalationPriority is " + priority + "; it must be above 80 (every task's own"
                    + " priority) and at most 100");
        }
    }

    /** A window, a "ships within" time and a sample of whole positive numbers, a bar that is a share, weights adding to 1. */
    private static void scorecardRow(Row row, List<String> problems) {
        hours(row, "windowDays", problems);
        hours(row, "shipWithinHours", problems);
        hours(row, "minimumSample", problems);
        share(row, "shipRateBar", problems);
        List<String> names = List.of("shipWithinWeight", "onTimeWeight", "acceptanceWeight", "inStockWeight");
        List<Double> weights = new ArrayList<>();
        for (String name : names) {
            weights.add(share(row, name, problems));
        }
        if (weights.stream().allMatch(Objects::nonNull)
                && Math.abs(weights.stream().mapToDouble(Double::doubleValue).sum() - 1) > 1e-9) {
            List<java.math.BigDecimal> exact = weights.stream().map(java.math.BigDecimal::valueOf).toList();
            problems.add(row + ": the four weights (" + String.join(", ", names) + ") add up to "
                    + exact.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).stripTrailingZeros()
                            .toPlainString() + " (" + String.join(" + ", exact.stream().map(w -> w.stripTrailingZeros()
                            .toPlainString()).toList()) + "), not 1: a score would leave 0-100");
        }
    }

    /** A fee is a share of the sale below 1: a sale whose fees take it all is a typo. */
    private static void feeRow(Row row, List<String> problems) {
        Double fee = share(row, "feeRate", problems);
        if (fee != null && fee >= 1) {
            problems.add(row + ": feeRate " + fee + " takes the whole sale; a fee is a share below 1");
        }
    }

    /** The margin is final no earlier than the last window closes; a parcel is overdue some days after shipping. */
    private static void windowsRow(Row row, List<String> problems) {
        Long returns = whole(row, "returnWindowDays", problems, "a whole number of days, 0 or more");
        Long claims = whole(row, "claimWindowDays", problems, "a whole number of days, 0 or more");
        Long settle = whole(row, "settleAfterDays", problems, "a whole number of days, 0 or more");
        hours(row, "deliveryOverdueDays", problems);
        if (returns != null && claims != null && settle != null && settle < Math.max(returns, claims)) {
            problems.add(row + ": the margin is final after " + settle + " days, before the return (" + returns
                    + " days) or claim (" + claims + " days) window closes");
        }
    }

    /**
     * An onboarding's numbers (explore s16, defect 7): every wait and the sample whole numbers above 0 (0 hours between
     * scorecard checks loops the check without pause), the starting score within the 0-100 supplier-selection.dmn
     * reads, the starting tier one of the catalog's 1-3, the escalation above every task's own priority.
     */
    private static void onboardingTermsRow(Row row, List<String> problems) {
        for (String wait : List.of("auditHours", "documentsWaitHours", "sampleShipHours", "sampleSkus",
                "qualityCheckHours", "agreementReviewHours", "revisionWaitHours", "expiryReminderDays",
                "renewalGraceHours", "scorecardCheckHours", "standingReviewHours")) {
            hours(row, wait, problems);
        }
        Long score = whole(row, "newSupplierScore", problems, "a whole number from 0 to 100");
        if (score != null && score > 100) {
            problems.add(row + ": newSupplierScore is " + score + "; a supplier's score is from 0 to 100, as"
                    + " supplier-selection.dmn reads it");
        }
        Long tier = whole(row, "newSupplierTier", problems, "a whole number from 1 to 3");
        if (tier != null && (tier < 1 || tier > 3)) {
            problems.add(row + ": newSupplierTier is " + tier + "; a supplier's tier is 1 (preferred), 2 (standard)"
                    + " or 3 (on probation)");
        }
        escalation(row, problems);
    }

    /**
     * A group-buy cutoff (explore s16, defect 8): its time a time of day as the application reads it
     * ({@link DecisionRow#timeOfDayOf}), its delivery days 0 or more (0: the goods come the same day), the time to
     * collect and to confirm receipt more than none.
     */
    private static void cutoffRow(Row row, List<String> problems) {
        String time = row.outputs().get("cutoffTime");
        String value = time == null ? "" : time.trim();
        String unquoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : null;
        if (unquoted == null || DecisionRow.timeOfDayOf(unquoted) == null) {
            problems.add(row + ": cutoffTime is " + (value.isEmpty() ? "not filled in" : value) + ", not "
                    + DecisionRow.TIME_OF_DAY);
        }
        whole(row, "deliveryDays", problems, "a whole number of days, 0 or more");
        for (String wait : List.of("collectWithin", "confirmReceiptWithin")) {
            String text = row.outputs().get(wait);
            java.time.Duration duration = text == null ? null : DecisionRow.durationOf(text.trim().replace("\"", ""));
            if (duration != null && duration.compareTo(java.time.Duration.ZERO) <= 0) {
                problems.add(row + ": " + wait + " is " + text.trim() + ", not " + DecisionRow.MORE_THAN_NONE);
            }
        }
    }

    /**
     * The return policy's restocking fee (fixer s18, item 1): a share of the returned value from 0 to below 1, kept from
     * the refund ({@code ReturnRequest.refundPerPolicy}, each line's {@code saleValue × rate}). 1.5 charged 150 % of the
     * value as a fee, 15 (meant as percent) 1500 %; 1 keeps the whole refund, a refusal written as an allowed return
     * (the refusal is allowed false). Written as a number, so that it can be checked: a case per rule. An empty cell
     * (or null) is no fee; a refusing row's fee is not read.
     */
    private static void returnPolicyRow(Row row, List<String> problems) {
        if (NOT_READ.get("return_policy").test(row)) {
            return;
        }
        String text = row.outputs().get("restockingFeeRate");
        String value = text == null ? "" : text.trim();
        if (value.isEmpty() || "null".equals(value)) {
            return;
        }
        java.math.BigDecimal rate;
        try {
            rate = new java.math.BigDecimal(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException notANumber) {
            problems.add(row + ": restockingFeeRate is " + value + "; write the share as a number, from 0 to below 1"
                    + " (0.15 for 15 %): a rule per case, so that the deployment can check it");
            return;
        }
        if (rate.signum() >= 0 && rate.compareTo(java.math.BigDecimal.ONE) < 0) {
            return;
        }
        java.math.BigDecimal meant = rate.movePointLeft(2).stripTrailingZeros();
        boolean percent = rate.compareTo(java.math.BigDecimal.ONE) > 0 && rate.compareTo(java.math.BigDecimal.valueOf(100)) < 0;
        problems.add(row + ": restockingFeeRate is " + value + "; the restocking fee is the share of the returned value"
                + " kept from the refund, from 0 to below 1 (1 keeps the whole refund: to refuse the return write allowed"
                + " false). " + (percent ? "If you meant " + value + " %, write " + meant.toPlainString()
                + (meant.compareTo(new java.math.BigDecimal("0.15")) == 0 ? "" : "; 0.15 is 15 %")
                : "Write 0.15 for 15 %"));
    }

    /**
     * shipping-sla.dmn's hours, when written as a number: above 0 (0 puts the ship-by deadline at the order's start, so
     * every order on the row is late at once; less stops the order, {@code ShippingSlaTable}). An expression of the
     * agreed hours ({@code min([48, agreedHours])}) is read at run time, where the supplier's hours are 1-720.
     */
    private static void slaRow(Row row, List<String> problems) {
        String text = row.outputs().get("shipByHours");
        if (text != null && text.trim().matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            hours(row, "shipByHours", problems);
        }
    }

    /** A whole number above 0 (hours, days, a count); null, with the problem, when it is not. */
    private static Long hours(Row row, String output, List<String> problems) {
        Long value = whole(row, output, problems, "a whole number above 0");
        if (value != null && value <= 0) {
            problems.add(row + ": " + output + " is " + value + "; it must be a whole number above 0");
            return null;
        }
        return value;
    }

    private static Long whole(Row row, String output, List<String> problems, String what) {
        String text = row.outputs().get(output);
        try {
            long value = Long.parseLong(Objects.requireNonNull(text).trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NullPointerException | NumberFormatException e) {
            problems.add(row + ": " + output + " is " + (text == null || text.isBlank() ? "not filled in" : text.trim())
                    + "; it must be " + what);
            return null;
        }
    }

    /** A share, 0 to 1; null, with the problem, when it is not. */
    private static Double share(Row row, String output, List<String> problems) {
        String text = row.outputs().get(output);
        try {
            double value = Double.parseDouble(Objects.requireNonNull(text).trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NullPointerException | NumberFormatException e) {
            // said below
        }
        problems.add(row + ": " + output + " is " + (text == null || text.isBlank() ? "not filled in" : text.trim())
                + "; it must be a share from 0 to 1");
        return null;
    }

    // ---- the released tables ---------------------------------------------------------------------------------------

    static Map<String, Shape> shapes(String pattern) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = file.getInputStream()) {
                    DmnModelInstance model = Dmn.readModelFromStream(in);
                    for (Decision decision : model.getModelElementsByType(Decision.class)) {
                        if (decision.getExpression() instanceof DecisionTable table) {
                            Shape shape = shape(table);
                            List<Row> rows = rows(file.getFilename(), decision.getId(), table);
                            Set<String> durations = new java.util.HashSet<>(rows.isEmpty() ? Set.of()
                                    : shape.outputs().keySet());
                            durations.remove(null);
                            for (Row row : rows) {
                                row.outputs().forEach((name, text) -> {
                                    String value = text == null ? "" : text.trim();
                                    if (!value.startsWith("\"") || DecisionRow.durationOf(value.replace("\"", "")) == null) {
                                        durations.remove(name);
                                    }
                                });
                            }
                            shapes.put(decision.getId(), new Shape(file.getFilename(), shape.inputs(), shape.outputs(),
                                    Set.copyOf(durations), shape.hitPolicy()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the released decision tables", e);
        }
        return Map.copyOf(shapes);
    }

    private static Shape shape(DecisionTable table) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Input input : table.getInputs()) {
            inputs.put(expression(input), input.getInputExpression() == null ? null
                    : input.getInputExpression().getTypeRef());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output output : table.getOutputs()) {
            outputs.put(output.getName(), output.getTypeRef());
        }
        String hitPolicy = table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name().replace('_', ' ');
        return new Shape(null, inputs, outputs, Set.of(), table.getAggregation() == null ? hitPolicy
                : hitPolicy + " " + table.getAggregation().name());
    }

    /** What an input reads ({@code "channel"}), trimmed; "" for none. */
    private static String expression(Input input) {
        var expression = input.getInputExpression();
        return expression == null || expression.getText() == null ? "" : expression.getText().getTextContent().trim();
    }
}
