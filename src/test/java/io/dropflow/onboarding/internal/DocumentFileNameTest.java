package io.dropflow.onboarding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.onboarding.DocumentType;
import org.junit.jupiter.api.Test;

/** A document's file name longer than its column (255) is kept cut with its extension (UploadedFile.kept). */
class DocumentFileNameTest {

    @Test
    void aDocumentKeepsItsNameCutToTheColumn() {
        DocumentFile file = new DocumentFile(DocumentType.values()[0], "a".repeat(255) + ".pdf", "application/pdf",
                "%PDF".getBytes());

        assertThat(file.fileName()).hasSize(255).isEqualTo("a".repeat(250) + "….pdf");
    }
}
