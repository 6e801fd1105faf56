package io.dropflow.onboarding.internal;

import io.dropflow.web.UploadRejected;

/** Uploaded documents that are too large (413), not a PDF or scan, or not what they say they are (415), or too many (400); nothing is stored. */
public class DocumentsRejectedException extends UploadRejected {

    public DocumentsRejectedException(Reason reason, String detail) {
        super(reason, "documents-rejected", "Documents not accepted; nothing was stored", detail);
    }
}
