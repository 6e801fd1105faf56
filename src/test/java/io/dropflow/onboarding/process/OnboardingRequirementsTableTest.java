package io.dropflow.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.onboarding.DocumentType;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/onboarding-requirements.dmn as the analysts wrote it: documents by category and region, checks, terms. */
class OnboardingRequirementsTableTest {

    private static DmnEngine dmn;
    private static List<DmnDecision> decisions;

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = new FileInputStream("bpmn/onboarding-requirements.dmn")) {
            decisions = dmn.parseDecisions(in);
        }
    }

    private static DmnDecision decision(String key) {
        return decisions.stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> documents(String region, boolean crossBorder, String category) {
        return dmn.evaluateDecision(decision(SupplierOnboardingProcess.DOCUMENTS_DECISION),
                        Map.of("region", region, "crossBorder", crossBorder, "category", category))
                .getResultList().stream()
                .map(rule -> rule.get("document") + (Boolean.TRUE.equals(rule.get("mustExpire")) ? " (expires)" : ""))
                .toList();
    }

    @ParameterizedTest(name = "{0}, cross-border {1}, {2}")
    @CsvSource(delimiter = '|', value = {
            "CN | true  | homeware    | BUSINESS_LICENCE, TAX_REGISTRATION, QUALITY_CERTIFICATE (expires), EXPORT_REGISTRATION",
            "PL | true  | homeware    | BUSINESS_LICENCE, TAX_REGISTRATION, QUALITY_CERTIFICATE (expires)",
            "DE | false | homeware    | BUSINESS_LICENCE, TAX_REGISTRATION",
            "CN | true  | food        | BUSINESS_LICENCE, TAX_REGISTRATION, QUALITY_CERTIFICATE (expires), EXPORT_REGISTRATION, FOOD_LICENCE (expires)",
            "DE | false | cosmetics   | BUSINESS_LICENCE, TAX_REGISTRATION, COSMETICS_FILING (expires)",
            "VN | true  | toys        | BUSINESS_LICENCE, TAX_REGISTRATION, QUALITY_CERTIFICATE (expires), EXPORT_REGISTRATION, CHILD_SAFETY_CERTIFICATE (expires)",
            "DE | false | lighting    | BUSINESS_LICENCE, TAX_REGISTRATION, PRODUCT_SAFETY_CERTIFICATE (expires)"})
    void documentsByCategoryAndRegion(String region, boolean crossBorder, String category, String expected) {
        assertThat(documents(region, crossBorder, category)).containsExactlyElementsOf(Arrays.asList(expected.split(", ")));
    }

    @Test
    void everyDocumentTheTableNamesIsOneDropflowKnows() {
        for (String category : List.of("homeware", "food", "cosmetics", "children", "toys", "electronics", "lighting")) {
            for (String document : documents("CN", true, category)) {
                assertThat(DocumentType.valueOf(document.replace(" (expires)", ""))).isNotNull();
            }
        }
    }

    @Test
    void qualityChecksAddUpPerCategory() {
        List<Object> food = dmn.evaluateDecision(decision(SupplierOnboardingProcess.QUALITY_CHECKS_DECISION),
                Map.of("category", "food")).getResultList().stream().map(r -> r.get("check")).toList();
        assertThat(food).hasSize(3).anyMatch(c -> c.toString().contains("best before"));
    }

    @Test
    void crossBorderApplicantsGetLongerDeadlinesAndEveryTermIsThere() {
        DmnDecisionResultEntries abroad = dmn.evaluateDecision(decision(SupplierOnboardingProcess.TERMS_DECISION),
                Map.of("crossBorder", true)).getSingleResult();
        DmnDecisionResultEntries home = dmn.evaluateDecision(decision(SupplierOnboardingProcess.TERMS_DECISION),
                Map.of("crossBorder", false)).getSingleResult();
        assertThat(((Number) abroad.get("sampleShipHours")).intValue())
                .isGreaterThan(((Number) home.get("sampleShipHours")).intValue());
        for (String term : List.of("auditHours", "documentsWaitHours", "sampleShipHours", "sampleSkus",
                "qualityCheckHours", "agreementReviewHours", "revisionWaitHours", "expiryReminderDays",
                "renewalGraceHours", "scorecardCheckHours", "standingReviewHours", "newSupplierScore", "newSupplierTier",
                "escalationPriority")) {
            assertThat(abroad.get(term)).as(term).isInstanceOf(Number.class);
            assertThat(home.get(term)).as(term).isInstanceOf(Number.class);
        }
    }

    /** An onboarding task handed to supervisors moves above every task's own priority (at most 80): 90 for every applicant. */
    @Test
    void everyApplicantsTasksEscalateAtTheTablesPriority() {
        for (boolean crossBorder : List.of(true, false)) {
            DmnDecisionResultEntries terms = dmn.evaluateDecision(decision(SupplierOnboardingProcess.TERMS_DECISION),
                    Map.of("crossBorder", crossBorder)).getSingleResult();
            assertThat(((Number) terms.get("escalationPriority")).longValue()).as("cross-border " + crossBorder)
                    .isEqualTo(90);
        }
    }

    /**
     * The exploratory test's D1: a document misspelt in Modeler ("BUSINESS_LICENSE", outside the column's values) made the
     * onboarding job retry "No enum constant io.dropflow.onboarding.DocumentType.BUSINESS_LICENSE": the table, the
     * output, the value and the values it may give are named instead.
     */
    @Test
    void aDocumentTheApplicationDoesNotKnowIsNamedWithTheTable() {
        org.camunda.bpm.engine.DecisionService engine = org.mockito.Mockito.mock(
                org.camunda.bpm.engine.DecisionService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        org.mockito.Mockito.when(engine.evaluateDecisionByKey(SupplierOnboardingProcess.DOCUMENTS_DECISION)
                .variables(org.mockito.ArgumentMatchers.anyMap()).evaluate()).thenAnswer(call -> {
                    String misspelt = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                            "bpmn", "onboarding-requirements.dmn"))).replace("<text>&quot;BUSINESS_LICENCE&quot;</text>",
                            "<text>&quot;BUSINESS_LICENSE&quot;</text>");
                    DmnDecision documents = dmn.parseDecisions(new java.io.ByteArrayInputStream(misspelt.getBytes()))
                            .stream().filter(d -> d.getKey().equals(SupplierOnboardingProcess.DOCUMENTS_DECISION))
                            .findFirst().orElseThrow();
                    return dmn.evaluateDecision(documents, Map.of("region", "CN", "crossBorder", false,
                            "category", "kitchen"));
                });

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new OnboardingRequirementsDecision(engine).documentsFor("CN", false, "kitchen"))
                .isInstanceOf(io.dropflow.processengine.DecisionTableBroken.class)
                .hasMessageStartingWith("onboarding-requirements.dmn (" + SupplierOnboardingProcess.DOCUMENTS_DECISION
                        + ")'s document is \"BUSINESS_LICENSE\", not one of [BUSINESS_LICENCE, TAX_REGISTRATION, ")
                .hasMessageEndingWith("(for region CN, domestic, kitchen)");
    }
}
