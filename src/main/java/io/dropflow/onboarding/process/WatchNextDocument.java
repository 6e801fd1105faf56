package io.dropflow.onboarding.process;

import static io.dropflow.onboarding.process.SupplierOnboardingProcess.APPLICATION_ID;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENT_LAPSES_AT;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENT_REMINDER_AT;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.DOCUMENT_WATCH;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.EXPIRY_REMINDER_DAYS;
import static io.dropflow.onboarding.process.SupplierOnboardingProcess.WATCHED_DOCUMENT_ID;

import io.dropflow.onboarding.internal.SupplierStanding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finds the supplier's document that lapses next: when to remind an operator of it
 * ({@code expiryReminderDays} before) and when it lapses; or that nothing expires.
 */
@Component("watchNextDocument")
class WatchNextDocument implements JavaDelegate {

    private final SupplierStanding standing;

    WatchNextDocument(SupplierStanding standing) {
        this.standing = standing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupplierStanding.DocumentWatch watch = standing.watchNext(APPLICATION_ID.from(execution),
                EXPIRY_REMINDER_DAYS.from(execution));
        DOCUMENT_WATCH.set(execution, watch.step());
        WATCHED_DOCUMENT_ID.set(execution, watch.documentId());
        DOCUMENT_REMINDER_AT.set(execution, watch.remindAt());
        DOCUMENT_LAPSES_AT.set(execution, watch.lapsesAt());
    }
}
