package io.dropflow.onboarding.internal;

import io.dropflow.onboarding.DocumentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Document files as a multipart request carries them: each in a part named by its type
 * ({@code BUSINESS_LICENCE}, {@code QUALITY_CERTIFICATE}, ...), beside the JSON part describing them.
 */
final class DocumentParts {

    private DocumentParts() {
    }

    /**
     * @param described the JSON parts, which are not documents
     * @throws InvalidApplicationException for a part named after no document type
     */
    static List<DocumentFile> files(MultiValueMap<String, MultipartFile> parts, Set<String> described) {
        List<DocumentFile> files = new ArrayList<>();
        for (Map.Entry<String, List<MultipartFile>> part : parts.entrySet()) {
            if (described.contains(part.getKey())) {
                continue;
            }
            DocumentType type = Arrays.stream(DocumentType.values()).filter(t -> t.name().equals(part.getKey()))
                    .findFirst().orElseThrow(() -> new InvalidApplicationException("part '" + part.getKey()
                            + "' is not a document: name each file's part by its type, one of "
                            + Arrays.toString(DocumentType.values())));
            for (MultipartFile file : part.getValue()) {
                files.add(new DocumentFile(type, file.getOriginalFilename(), file.getContentType(), bytes(file)));
            }
        }
        return files;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
