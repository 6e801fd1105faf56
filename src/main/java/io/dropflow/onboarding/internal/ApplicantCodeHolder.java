package io.dropflow.onboarding.internal;

import io.dropflow.supplier.SupplierCodeTakenException;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.supplier.SupplierStatus;
import io.dropflow.web.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Why an application could not register its supplier code in the catalog, told after the fact: another
 * request wrote the code's supplier at the same moment (a new applicant's row, the same turned-down
 * applicant's row), and this request's transaction can no longer read (PostgreSQL ends it at the failed
 * statement). Read in a transaction of its own, which sees what the other request committed.
 */
@Component
class ApplicantCodeHolder {

    private final SupplierApplications applications;
    private final SupplierLifecycle catalog;

    ApplicantCodeHolder(SupplierApplications applications, SupplierLifecycle catalog) {
        this.applications = applications;
        this.catalog = catalog;
    }

    /**
     * @param conflict what the catalog's write failed with
     * @return the refusal that says what holds the code now: the open application (where to read it), another
     *         supplier's code, or, when neither, a change of the supplier at the same moment (send it again)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public RuntimeException refusal(String code, RuntimeException conflict) {
        var open = applications.openFor(code);
        if (open.isPresent()) {
            return new ApplicationOpenException(code, open.get().getId(), open.get().number());
        }
        if (conflict instanceof SupplierCodeTakenException taken) {
            return taken;
        }
        try {
            SupplierStatus status = catalog.status(code);
            if (status != SupplierStatus.REJECTED) {
                return new SupplierCodeTakenException(code, status);
            }
        } catch (NotFound gone) {
            // nobody holds it now: sent again, the application registers it
        }
        return new ApplicationCollidedException(code);
    }
}
