package io.dropflow.claim;

import io.dropflow.web.UploadedFile;

/** One uploaded file, as read from the request; its name as it is kept ({@link UploadedFile#kept}). */
public record EvidenceUpload(String fileName, String contentType, byte[] content) implements UploadedFile {

    public EvidenceUpload {
        fileName = UploadedFile.kept(fileName);
    }
}
