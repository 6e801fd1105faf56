package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENTS_DECISION;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.QUALITY_CHECKS_DECISION;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.TERMS_DECISION;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.onboarding.internal.RequirementsTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** onboarding-requirements.dmn as deployed, evaluated by the engine (the latest version analysts deployed). */
@Component
class OnboardingRequirementsDecision implements RequirementsTable {

    private final DecisionService decisions;

    OnboardingRequirementsDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<Document> documentsFor(String region, boolean crossBorder, String category) {
        return evaluate(DOCUMENTS_DECISION, Map.of("region", region, "crossBorder", crossBorder, "category", category))
                .getResultList().stream()
                .map(rule -> new Document(DocumentType.valueOf(String.valueOf(rule.get("document"))),
                        Boolean.TRUE.equals(rule.get("mustExpire"))))
                .toList();
    }

    @Override
    public List<String> qualityChecksFor(String category) {
        return evaluate(QUALITY_CHECKS_DECISION, Map.of("category", category)).getResultList().stream()
                .map(rule -> rule.get("check")).filter(Objects::nonNull).map(String::valueOf).toList();
    }

    @Override
    public Terms termsFor(boolean crossBorder) {
        DmnDecisionResultEntries terms = evaluate(TERMS_DECISION, Map.of("crossBorder", crossBorder)).getFirstResult();
        if (terms == null) {
            throw new IllegalStateException("onboarding-requirements.dmn (" + TERMS_DECISION + ") has no rule for "
                    + (crossBorder ? "a cross-border" : "a domestic") + " applicant");
        }
        return new Terms(number(terms, "auditHours"), number(terms, "documentsWaitHours"),
                number(terms, "sampleShipHours"), number(terms, "sampleSkus"), number(terms, "qualityCheckHours"),
                number(terms, "agreementReviewHours"), number(terms, "revisionWaitHours"),
                number(terms, "expiryReminderDays"), number(terms, "renewalGraceHours"),
                number(terms, "scorecardCheckHours"), number(terms, "standingReviewHours"),
                number(terms, "newSupplierScore"), number(terms, "newSupplierTier"),
                number(terms, "escalationPriority"));
    }

    private DmnDecisionResult evaluate(String decision, Map<String, Object> inputs) {
        return decisions.evaluateDecisionByKey(decision).variables(inputs).evaluate();
    }

    private static long number(DmnDecisionResultEntries result, String output) {
        Object value = result.getEntry(output);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("onboarding-requirements.dmn gave no " + output);
        }
        return number.longValue();
    }
}
