package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENTS_DECISION;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.QUALITY_CHECKS_DECISION;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.TERMS_DECISION;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.onboarding.internal.RequirementsTable;
import io.dropflow.processengine.DecisionRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** onboarding-requirements.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class OnboardingRequirementsDecision implements RequirementsTable {

    private static final String TABLE = "onboarding-requirements.dmn";

    private final DecisionService decisions;

    OnboardingRequirementsDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<Document> documentsFor(String region, boolean crossBorder, String category) {
        return DecisionRow.evaluateAll(decisions, DOCUMENTS_DECISION, TABLE + " (" + DOCUMENTS_DECISION + ")",
                Map.of("region", region, "crossBorder", crossBorder, "category", category),
                "region " + region + (crossBorder ? ", cross-border, " : ", domestic, ") + category).stream()
                .map(rule -> new Document(rule.oneOf("document", DocumentType.class), rule.yesIfGiven("mustExpire")))
                .toList();
    }

    @Override
    public List<String> qualityChecksFor(String category) {
        return DecisionRow.evaluateAll(decisions, QUALITY_CHECKS_DECISION, TABLE + " (" + QUALITY_CHECKS_DECISION + ")",
                Map.of("category", category), "category " + category).stream()
                .map(rule -> rule.textOrNull("check")).filter(Objects::nonNull).toList();
    }

    @Override
    public Terms termsFor(boolean crossBorder) {
        DecisionRow terms = DecisionRow.evaluate(decisions, TERMS_DECISION, TABLE + " (" + TERMS_DECISION + ")",
                Map.of("crossBorder", crossBorder), crossBorder ? "a cross-border applicant" : "a domestic applicant");
        // the ranges the deploy check holds the table to (TableRules; explore s16, defect 7)
        return new Terms(positive(terms, "auditHours"), positive(terms, "documentsWaitHours"),
                positive(terms, "sampleShipHours"), positive(terms, "sampleSkus"), positive(terms, "qualityCheckHours"),
                positive(terms, "agreementReviewHours"), positive(terms, "revisionWaitHours"),
                positive(terms, "expiryReminderDays"), positive(terms, "renewalGraceHours"),
                positive(terms, "scorecardCheckHours"), positive(terms, "standingReviewHours"),
                terms.wholeWithin("newSupplierScore", 0, 100), terms.wholeWithin("newSupplierTier", 1, 3),
                terms.wholeWithin("escalationPriority", 81, 100));
    }

    private static long positive(DecisionRow terms, String output) {
        return terms.wholeWithin(output, 1, Long.MAX_VALUE);
    }
}
