package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an applicant must show and by when, from bpmn/onboarding-requirements.dmn: the documents each
 * of its categories needs from its region (together), what its sample's quality check looks at,
 * and the onboarding's deadlines. Read once, when the application arrives: an analyst's later
 * change applies to later applications.
 */
@Service
public class OnboardingRequirements {

    private final SupplierApplications applications;
    private final RequirementsTable table;
    private final ApplicationHistory history;
    private final Clock clock;

    OnboardingRequirements(SupplierApplications applications, RequirementsTable table, ApplicationHistory history,
            Clock clock) {
        this.applications = applications;
        this.table = table;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public RequirementsTable.Terms apply(Long applicationId) {
        SupplierApplication application = applications.locked(applicationId);
        Set<DocumentType> required = EnumSet.noneOf(DocumentType.class);
        Set<DocumentType> expiring = EnumSet.noneOf(DocumentType.class);
        Set<String> checks = new LinkedHashSet<>();
        for (String category : application.categoryList()) {
            for (RequirementsTable.Document document : table.documentsFor(application.getRegion(),
                    application.isCrossBorder(), category)) {
                required.add(document.type());
                if (document.mustExpire()) {
                    expiring.add(document.type());
                }
            }
            checks.addAll(table.qualityChecksFor(category));
        }
        RequirementsTable.Terms terms = table.termsFor(application.isCrossBorder());
        application.requirementsFound(required, expiring, checks, clock.instant());
        history.record(application, Party.DROPFLOW, (application.isCrossBorder() ? "Cross-border" : "Domestic")
                + " applicant: needs " + required.stream().map(DocumentType::label).collect(Collectors.joining(", "))
                + (expiring.isEmpty() ? "" : "; with an expiry date: " + expiring.stream().map(DocumentType::label)
                        .collect(Collectors.joining(", ")))
                + ". The audit is due within " + terms.auditHours() + " h, the sample within " + terms.sampleShipHours()
                + " h of its order");
        return terms;
    }
}
