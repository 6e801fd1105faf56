package io.dropflow.claim;

import io.dropflow.web.UploadedFile;

/** One uploaded file, as read from the request. */
public record EvidenceUpload(String fileName, String contentType, byte[] content) implements UploadedFile {
}
