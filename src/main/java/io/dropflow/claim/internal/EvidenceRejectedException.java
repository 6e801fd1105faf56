package io.dropflow.claim.internal;

import io.dropflow.web.UploadRejected;

/** An uploaded file that is too large, of a type we do not take, or not what it says it is; nothing is stored. */
public class EvidenceRejectedException extends UploadRejected {

    /** @param reason TOO_LARGE (413), UNSUPPORTED_TYPE (415) or TOO_MANY (400) */
    public EvidenceRejectedException(Reason reason, String message) {
        super(reason, "evidence-rejected", "Evidence not accepted; nothing was stored", message);
    }
}
