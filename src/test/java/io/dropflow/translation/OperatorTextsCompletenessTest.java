package io.dropflow.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every text an operator reads in a form, every user task's and process's name in {@code bpmn/}
 * has a Chinese entry in {@code forms/i18n/operator-texts.zh.json}: an analyst who adds a field or
 * a task, or rewords one, learns here what to translate. (Filters: TasklistFiltersTranslatedTest.)
 */
class OperatorTextsCompletenessTest {

    private static final OperatorTexts CHINESE = OperatorTexts.of("zh");
    private static final String ESCALATION_REASON = ModelTexts.ESCALATION_REASON;
    /** A word in camel case, not part of a path or a placeholder: a variable's name. */
    private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("(?<![{.\\w/])[a-z]+[A-Z]\\w*");

    @Test
    void everyFormTextHasAChineseEntry() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Path form : files("forms", ".form")) {
            for (String text : ModelTexts.ofForm(new ObjectMapper().readTree(form.toFile()))) {
                if (CHINESE.find(text).isEmpty()) {
                    missing.putIfAbsent(text, form.getFileName().toString());
                }
            }
        }
        assertThat(missing).as("form texts without a Chinese entry in forms/i18n/operator-texts.zh.json "
                + "(text = form it is in); add \"<English>\": \"<中文>\" for each").isEmpty();
    }

    /**
     * The forms as deployed before a task's facts became one variable (ADR 20) read each fact by
     * name ({@code {{orderNumber}}}); instances still on those versions show them, in Chinese too.
     */
    @Test
    void everyTextOfTheFormsBeforeTheFactsVariableIsStillTranslated() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Path form : files("forms", ".form")) {
            String before = Files.readString(form).replace("{{facts.", "{{").replace("{{#loop facts.", "{{#loop ");
            for (String text : FormSchemas.texts(new ObjectMapper().readTree(before))) {
                String translated = CHINESE.find(text).orElse(null);
                if (translated == null || translated.contains("facts.")) {
                    missing.putIfAbsent(text, form.getFileName().toString());
                }
            }
        }
        assertThat(missing).as("texts of the forms before ADR 20 without their Chinese").isEmpty();
    }

    @Test
    void everyUserTaskAndProcessNameHasAChineseEntry() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Path file : files("bpmn", ".bpmn")) {
            // A name computed at run time (${…}) is translated as the value it takes: those values are entries too.
            for (String name : ModelTexts.names(Bpmn.readModelFromFile(file.toFile())).keySet()) {
                if (CHINESE.find(name).isEmpty()) {
                    missing.putIfAbsent(name, file.getFileName().toString());
                }
            }
        }
        assertThat(missing).as("user task and process names without a Chinese entry in "
                + "forms/i18n/operator-texts.zh.json (name = model it is in)").isEmpty();
    }

    /** A user task's documentation is its description in Tasklist: the operator reads it. */
    @Test
    void everyUserTaskDescriptionHasAChineseEntry() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Path file : files("bpmn", ".bpmn")) {
            // The engine takes the text trimmed (BpmnParse#parseDocumentation)
            ModelTexts.descriptions(Bpmn.readModelFromFile(file.toFile())).forEach((text, task) -> {
                if (CHINESE.find(text).isEmpty()) {
                    missing.putIfAbsent(text, file.getFileName() + ", " + task);
                }
            });
        }
        assertThat(missing).as("user task descriptions (documentation) without a Chinese entry (text = task)").isEmpty();
    }

    /**
     * Texts a model writes for operators into a variable (why a case escalated, drawn as the
     * parameter {@code escalationReason}): the next task and the case's history show them.
     */
    @Test
    void everyEscalationReasonAModelWritesHasAChineseEntry() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Path file : files("bpmn", ".bpmn")) {
            for (String reason : ModelTexts.escalationReasons(Bpmn.readModelFromFile(file.toFile()))) {
                if (CHINESE.find(reason).isEmpty()) {
                    missing.putIfAbsent(reason, file.getFileName().toString());
                }
            }
        }
        assertThat(missing).as("escalation reasons without a Chinese entry (reason = model it is in)").isEmpty();
    }

    /**
     * Reasons a model writes as literals inside an expression, wherever it stands (a listener, a condition, a
     * parameter): an escalationReason it sets ({@code ${execution.setVariable('escalationReason', '…')}}), shown as
     * "Escalated to supervisors: …", and the reason it closes a case with
     * ({@code ${caseStatus.closeBecause(execution, 'CLOSED', '…')}}, words, not the name of a variable that holds them),
     * the case's last history line "Claim closed: …" or "Return refused: …".
     */
    @Test
    void everyReasonAModelWritesInAnExpressionHasAChineseEntry() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Path file : files("bpmn", ".bpmn")) {
            for (String expression : expressionsOf(file)) {
                for (String reason : literalReasons(expression)) {
                    if (CHINESE.find(reason).isEmpty()) {
                        missing.putIfAbsent(reason, file.getFileName().toString());
                    }
                }
            }
        }
        assertThat(missing).as("reasons models write (escalationReason, caseStatus.closeBecause) without a Chinese entry in "
                + "forms/i18n/operator-texts.zh.json (reason = model it is in)").isEmpty();
    }

    /** The history lines these reasons end up in read wholly in Chinese (examples: an onboarding, a claim, a return). */
    @Test
    void aModelsReasonReadsInChineseInTheHistoryLineItIsIn() {
        assertThat(CHINESE.findMessage("Escalated to supervisors: the applicant sent no documents in time"))
                .contains("已升级给主管：申请方未按时提交文件");
        assertThat(CHINESE.findMessage("Claim closed: the consumer sent no further evidence in time"))
                .contains("索赔已关闭：消费者未按时补充证据");
        assertThat(CHINESE.findMessage("Return refused: the return policy does not allow this return"))
                .contains("退货已拒绝：退货政策不允许此次退货");
    }

    @Test
    void theReasonCheckFindsLiteralReasonsAndLeavesVariablesAlone() {
        assertThat(literalReasons("${execution.setVariable('escalationReason', 'the applicant sent nothing')}"))
                .containsExactly("the applicant sent nothing");
        assertThat(literalReasons("${execution.setVariableLocal(\"escalationReason\",\"late\")}")).containsExactly("late");
        assertThat(literalReasons("${execution.setVariable('escalationReason', reasonVariable)}")).isEmpty();
        assertThat(literalReasons("${caseStatus.close(execution, 'CLOSED', 'the consumer sent nothing')}"))
                .containsExactly("the consumer sent nothing");
        assertThat(literalReasons("${caseStatus.close(execution, 'REJECTED', 'rejectionReason')}"))
                .as("a variable's name: its value is the text").isEmpty();
        assertThat(literalReasons("${caseStatus.closeBecause(execution, 'CLOSED', 'duplicate')}"))
                .as("closeBecause: words, even one").containsExactly("duplicate");
        assertThat(literalReasons("${caseStatus.closeWithReasonIn(execution, 'REJECTED', 'rejectionReason')}"))
                .as("always a variable's name").isEmpty();
    }

    private static final java.util.regex.Pattern SET_ESCALATION_REASON = java.util.regex.Pattern.compile(
            "setVariable(?:Local)?\\(\\s*(['\"])" + ESCALATION_REASON + "\\1\\s*,\\s*(['\"])(.*?)\\2\\s*\\)");
    private static final java.util.regex.Pattern CLOSE_CASE = java.util.regex.Pattern.compile(
            "caseStatus\\.close(Because)?\\(\\s*\\w+\\s*,\\s*(['\"])[^'\"]*\\2\\s*,\\s*(['\"])(.*?)\\3\\s*\\)");

    /**
     * The reasons for operators an expression writes as literals: the escalationReason it sets, and the text it
     * closes a case with ({@code caseStatus.closeBecause}'s third argument; {@code caseStatus.close}'s, of models
     * deployed before 7 December 2026, when it is words, not a variable's name).
     */
    private static List<String> literalReasons(String expression) {
        List<String> reasons = new ArrayList<>();
        java.util.regex.Matcher set = SET_ESCALATION_REASON.matcher(expression);
        while (set.find()) {
            reasons.add(set.group(3).strip());
        }
        java.util.regex.Matcher close = CLOSE_CASE.matcher(expression);
        while (close.find()) {
            if (close.group(1) != null || !close.group(4).matches("\\w+")) {
                reasons.add(close.group(4).strip());
            }
        }
        return reasons;
    }

    /** Every attribute value and every text of a model (listeners, conditions, parameters, scripts…), as parsed. */
    private static List<String> expressionsOf(Path file) throws IOException {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            List<String> texts = new ArrayList<>();
            collect(factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement(), texts);
            return texts;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void collect(org.w3c.dom.Node node, List<String> texts) {
        if (node.getNodeType() == org.w3c.dom.Node.TEXT_NODE || node.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
            texts.add(node.getNodeValue());
        }
        var attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            texts.add(attributes.item(i).getNodeValue());
        }
        for (var child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, texts);
        }
    }

    /**
     * Texts a decision table gives, as words ({@link ModelTexts#ofTables}: a FEEL string with a space or a Chinese
     * character, not a code such as "SUPPLIER", a time or a duration), in every table of {@code bpmn/}: operators read
     * them on forms and in histories, e.g. the return policy's reasons (output {@code rule} of return-policy.dmn), the
     * sample's quality checks (output {@code check} of onboarding-requirements.dmn), and why the supplier credits nothing
     * for goods that came back (output {@code rule} of return-refund-basis.dmn, quoted in the return's booking line). An
     * analyst who adds or rewords a rule learns here which text needs an entry; a deployment of such a table is refused
     * the same (DeployedTextsTranslated).
     */
    @Test
    void everyTextADecisionTableGivesHasAChineseEntry() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        java.util.Set<String> outputsWithWords = new java.util.TreeSet<>();
        for (Path file : files("bpmn", ".dmn")) {
            for (ModelTexts.TableText text : ModelTexts.ofTables(org.camunda.bpm.model.dmn.Dmn.readModelFromFile(file.toFile()))) {
                outputsWithWords.add(file.getFileName() + " " + text.output());
                if (CHINESE.find(text.text()).isEmpty()) {
                    missing.put(text.text(), file.getFileName() + ", " + text.where());
                }
            }
        }
        assertThat(outputsWithWords).as("the tables' outputs that give words").contains("return-policy.dmn rule",
                "onboarding-requirements.dmn check", "return-refund-basis.dmn rule");
        assertThat(missing).as("texts decision tables give without a Chinese entry in forms/i18n/operator-texts.zh.json "
                + "(text = where); add \"<English>\": \"<中文>\" for each").isEmpty();
    }

    /**
     * Exploratory test, point c: a description read "or sent no news for trackingStallAfter", in Chinese
     * "或在 trackingStallAfter 时间内没有任何物流信息": a variable's name where the operator needs words. No task
     * name or description, no form text and no Chinese entry names a variable ({@code {{facts.…}}}
     * placeholders and a message's {@code {parameters}} aside); a path ({@code /api/…}) is no variable.
     */
    @Test
    void noTextAnOperatorReadsNamesAVariable() throws IOException {
        Map<String, String> named = new LinkedHashMap<>();
        for (Path file : files("bpmn", ".bpmn")) {
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                List<String> texts = new ArrayList<>();
                texts.add(task.getName());
                task.getDocumentations().forEach(documentation -> texts.add(documentation.getTextContent().trim()));
                texts.forEach(text -> variableNamed(text).ifPresent(name -> named.putIfAbsent(text,
                        name + " in " + file.getFileName() + "#" + task.getId())));
            }
        }
        for (Path form : files("forms", ".form")) {
            for (String text : FormSchemas.texts(new ObjectMapper().readTree(form.toFile()))) {
                variableNamed(text).ifPresent(name -> named.putIfAbsent(text, name + " in " + form.getFileName()));
            }
        }
        Map<String, String> entries = new ObjectMapper().readValue(Path.of("forms/i18n/operator-texts.zh.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() { });
        entries.values().forEach(chinese -> variableNamed(chinese).ifPresent(name -> named.putIfAbsent(chinese,
                name + " in operator-texts.zh.json")));
        assertThat(named).as("texts an operator reads that name a variable (text = the name, where): say it in words, "
                + "e.g. \"the silence window of the order's deadlines table\" for trackingStallAfter").isEmpty();
    }

    /**
     * A text that quotes another ("Partner message not matched", a task's name, in a description) quotes it in
     * Chinese as that text's own entry reads, “…”: the operator finds the task the description names.
     */
    @Test
    void aTextQuotedInAnotherReadsAsItsOwnEntry() throws IOException {
        Map<String, String> entries = new ObjectMapper().readValue(Path.of("forms/i18n/operator-texts.zh.json").toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() { });
        Map<String, String> otherwise = new LinkedHashMap<>();
        entries.forEach((english, chinese) -> {
            java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(english);
            while (quoted.find()) {
                String own = entries.get(quoted.group(1));
                if (own != null && !chinese.contains("“" + own + "”")) {
                    otherwise.put(quoted.group(1) + " (" + own + ")", chinese);
                }
            }
        });
        assertThat(otherwise).as("texts quoted in another entry's Chinese in other words than their own entry "
                + "(quoted text (its Chinese) = the other entry's Chinese)").isEmpty();
    }

    /** One Chinese word per business term, in forms and in messages alike (exploratory test: 赔偿 beside 补偿). */
    private static final Map<String, String> GLOSSARY = Map.of("compensation", "补偿");

    @Test
    void aBusinessTermReadsTheSameInEveryText() throws IOException {
        Map<String, String> otherwise = new LinkedHashMap<>();
        for (String file : List.of("forms/i18n/operator-texts.zh.json", "forms/i18n/operator-messages.zh.json")) {
            Map<String, String> entries = new ObjectMapper().readValue(Path.of(file).toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() { });
            entries.forEach((english, chinese) -> GLOSSARY.forEach((term, word) -> {
                if (english.toLowerCase(java.util.Locale.ROOT).contains(term) && !chinese.contains(word)) {
                    otherwise.put(english, chinese + " (" + term + " is " + word + ")");
                }
            }));
        }
        assertThat(otherwise).as("texts whose Chinese names a business term otherwise than the glossary").isEmpty();
    }

    @Test
    void theVariableCheckFindsANameAndLeavesPlaceholdersAndPathsAlone() {
        assertThat(variableNamed("or sent no news for trackingStallAfter.")).contains("trackingStallAfter");
        assertThat(variableNamed("或在 trackingStallAfter 时间内没有任何物流信息")).contains("trackingStallAfter");
        assertThat(variableNamed("Order {{facts.orderNumber}}, POST /api/group-buy/batches/{id}/receipt, {{#loop facts.missingPapers}}"))
                .isEmpty();
    }

    /** A variable's name ("restockWait", "coachingDays") among the words of this text, outside its placeholders. */
    private static java.util.Optional<String> variableNamed(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher name = VARIABLE_NAME.matcher(text.replaceAll("\\{\\{.*?}}", " "));
        return name.find() ? java.util.Optional.of(name.group()) : java.util.Optional.empty();
    }

    @Test
    void everyUserTaskHasAName() throws IOException {
        List<String> unnamed = new ArrayList<>();
        for (Path file : files("bpmn", ".bpmn")) {
            Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream()
                    .filter(task -> task.getName() == null || task.getName().isBlank())
                    .forEach(task -> unnamed.add(file.getFileName() + "#" + task.getId()));
        }
        assertThat(unnamed).as("user tasks without a name: Tasklist would list them by id in every language").isEmpty();
    }

    @Test
    void translationsKeepTheEnglishTextsPlaceholders() {
        assertThat(CHINESE.withBrokenPlaceholders()).as("entries whose Chinese drops, changes or repeats a {{…}}").isEmpty();
    }

    @Test
    void theMissingListNamesWhatIsMissing() {
        assertThat(CHINESE.missing(List.of("Decision", "A label nobody translated")))
                .containsExactly("A label nobody translated");
    }

    private static List<Path> files(String directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
            assertThat(found).as(directory + " has models").isNotEmpty();
            return found;
        }
    }
}
