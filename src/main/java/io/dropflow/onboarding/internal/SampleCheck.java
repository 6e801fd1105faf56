package io.dropflow.onboarding.internal;

import io.dropflow.processengine.CallsPartner;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.supplier.PurchaseOrderView;
import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierEventType;
import io.dropflow.supplier.SupplierLifecycle;
import io.dropflow.supplier.SupplierRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The sample: a purchase order to the applicant for one piece of each of its first offers, shipped
 * to the seller's quality check and followed like any purchase order; what the applicant reports
 * about it goes into the application's history.
 */
@Service
public class SampleCheck {

    private final SupplierApplications applications;
    private final SupplierLifecycle catalog;
    private final ApplicationHistory history;
    private final OnboardingSettings settings;
    private final Clock clock;

    SampleCheck(SupplierApplications applications, SupplierLifecycle catalog, ApplicationHistory history,
            OnboardingSettings settings, Clock clock) {
        this.applications = applications;
        this.catalog = catalog;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Orders sample {@code attempt}, once: a retry sends the same purchase order number again.
     * @param skus how many of the agreement's offers the sample holds
     * @param shipWithinHours the applicant's ship-by hours for it
     * @throws SupplierRefusedException when the applicant refuses it in its answer (recorded)
     */
    @CallsPartner
    public PurchaseOrderView orderSample(Long applicationId, int attempt, long skus, long shipWithinHours) {
        SupplierApplication application = applications.get(applicationId);
        List<ApplicationOffer> sampled = application.getOffers().stream().limit(Math.max(1, skus)).toList();
        List<Purchasing.Line> lines = sampled.stream()
                .map(o -> new Purchasing.Line(o.getSku(), o.getSupplierSku(), 1, o.getSupplyPrice())).toList();
        PurchaseOrderView sample;
        try {
            sample = catalog.forwardSample(new SupplierLifecycle.SampleOrder(applicationId, attempt,
                    application.getSupplierCode(), lines, sampled.get(0).getShippingCost(),
                    application.getAgreementCurrency(), settings.qualityCheck(), (int) shipWithinHours,
                    Duration.ofHours(shipWithinHours)));
        } catch (SupplierRefusedException refused) {
            history.record(application, Party.APPLICANT, "Refused sample " + SupplierLifecycle
                    .samplePurchaseOrderNumber(applicationId, attempt) + " ("
                    + io.dropflow.processengine.OperatorWords.ofCode(refused.reasonCode()) + "): "
                    + refused.getMessage());
            throw refused;
        }
        applications.locked(applicationId).sampleOrdered(attempt, sample.id(), clock.instant());
        history.record(application, Party.DROPFLOW, "Ordered sample " + sample.number() + " ("
                + lines.stream().map(l -> l.quantity() + " x " + l.sku()).collect(Collectors.joining(", "))
                + "), to ship within " + shipWithinHours + " h to " + settings.qualityCheck().city());
        return sample;
    }

    /** What the applicant reported about its sample, for the history. */
    public void applicantReported(Long applicationId, String purchaseOrderNumber, SupplierEventType type,
            String reasonCode, String carrierCode, String trackingNumber) {
        // Each line written where it is recorded, so that the translations' check reads it (OperatorMessagesCompletenessTest)
        switch (type) {
            case ACCEPTED -> history.record(applicationId, Party.APPLICANT, "Accepted sample " + purchaseOrderNumber);
            case SHIPPED -> history.record(applicationId, Party.APPLICANT, "Shipped sample " + purchaseOrderNumber + ": "
                    + carrierCode + " " + trackingNumber);
            case REJECTED, OUT_OF_STOCK -> history.record(applicationId, Party.APPLICANT, "Declined sample "
                    + purchaseOrderNumber + " (" + reasonCode + ")");
            default -> history.record(applicationId, Party.APPLICANT, "Sample " + purchaseOrderNumber + ": "
                    + OperatorWords.of(type));
        }
    }
}
