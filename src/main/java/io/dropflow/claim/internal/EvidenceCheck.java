package io.dropflow.claim.internal;

import io.dropflow.claim.EvidenceUpload;
import io.dropflow.web.UploadCheck;
import io.dropflow.web.UploadRejected;
import java.util.List;

/**
 * Checks uploaded evidence before anything is stored: how many pieces a claim may hold, and each
 * file as every upload is checked ({@link UploadCheck}: size, declared type, first bytes).
 */
final class EvidenceCheck {

    private EvidenceCheck() {
    }

    static void check(List<EvidenceUpload> files, int urls, long alreadyHeld, ClaimSettings settings) {
        if (alreadyHeld + files.size() + urls > settings.maxFiles()) {
            throw new EvidenceRejectedException(UploadRejected.Reason.TOO_MANY, "a claim holds at most "
                    + settings.maxFiles() + " pieces of evidence; it has " + alreadyHeld + " and " + (files.size() + urls)
                    + " more were sent");
        }
        UploadCheck.check(files, new UploadCheck.Limits(settings.maxFileSize(), settings.contentTypes()),
                EvidenceRejectedException::new);
    }

    static String sha256(byte[] content) {
        return UploadCheck.sha256(content);
    }
}
