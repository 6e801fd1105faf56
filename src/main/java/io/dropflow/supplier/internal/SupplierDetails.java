package io.dropflow.supplier.internal;

import java.time.Instant;

/**
 * A supplier as the catalog API shows it. {@code version} goes back with a change: a change made
 * to an older version is refused (409) instead of overwriting someone else's.
 *
 * @param status ACTIVE; SUSPENDED (no new purchase orders) with its {@code suspensionReason}; ONBOARDING (an
 *     applicant, offered nothing) or REJECTED (a turned-down applicant) with its {@code rejectionReason}
 * @param flagged its scorecard says it ships too late (below the ship-rate bar of supplier-scorecard.dmn)
 * @param notServed absent while an adapter serves the supplier; else why Dropflow does not use it (production: it
 *     is bound neither under dropflow.suppliers.http.CODE nor dropflow.suppliers.cj.CODE), whatever its status:
 *     sourcing leaves it out and its webhooks are held back until it is bound
 */
record SupplierDetails(String code, String name, String region, int tier, int score, String contactEmail,
        String status, String suspensionReason, String rejectionReason, boolean flagged, String notServed, long version,
        Instant createdAt, Instant updatedAt) {

    static SupplierDetails of(Supplier s, boolean flagged, java.util.Optional<String> notServed) {
        return new SupplierDetails(s.getCode(), s.getName(), s.getRegion(), s.getTier(), s.getScore(),
                s.getContactEmail(), s.getStatus().name(), s.getSuspensionReason(), s.getRejectionReason(), flagged,
                notServed.map(why -> "not used: " + why + " (sourcing leaves it out, its webhooks are held back)")
                        .orElse(null),
                s.getVersion(), s.getCreatedAt(), s.getUpdatedAt());
    }
}
