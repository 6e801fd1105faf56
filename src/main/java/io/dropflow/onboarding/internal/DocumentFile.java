package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import io.dropflow.web.UploadedFile;

/** One uploaded document file, as read from the request part named by its type; its name as it is kept. */
public record DocumentFile(DocumentType type, String fileName, String contentType, byte[] content)
        implements UploadedFile {

    public DocumentFile {
        fileName = UploadedFile.kept(fileName);
    }
}
