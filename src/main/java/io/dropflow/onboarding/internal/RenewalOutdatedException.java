package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A renewal that expires before the version of its document in force (a late delivery of an older
 * paper): nothing was stored, the version in force stays; the problem names both expiry dates and
 * the document in force: 409.
 */
public class RenewalOutdatedException extends ApplicationRefusedException {

    public RenewalOutdatedException(String supplierCode, DocumentType type, LocalDate expiresOn, Long inForceId,
            String inForceReference, LocalDate inForceExpiresOn) {
        super("renewal-outdated", "The document in force expires later",
                "this " + type + " expires on " + expiresOn + ", before the one in force for supplier " + supplierCode
                        + " (" + (inForceReference == null ? "document " + inForceId : inForceReference)
                        + ", valid until " + inForceExpiresOn + "); it was not taken, the one in force stays");
        property("code", supplierCode);
        property("documentType", type.name());
        property("expiresOn", expiresOn.toString());
        Map<String, Object> inForce = new LinkedHashMap<>();
        inForce.put("documentId", inForceId);
        inForce.put("reference", inForceReference);
        inForce.put("expiresOn", inForceExpiresOn.toString());
        property("inForce", inForce);
    }
}
