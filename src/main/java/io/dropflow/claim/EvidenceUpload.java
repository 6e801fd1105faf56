package io.dropflow.claim;

/** One uploaded file, as read from the request. */
public record EvidenceUpload(String fileName, String contentType, byte[] content) {
}
