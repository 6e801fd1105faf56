package io.dropflow.claim.internal;

import io.dropflow.claim.ClaimSettings;
import io.dropflow.claim.EvidenceRejectedException;
import io.dropflow.claim.EvidenceUpload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks uploaded evidence before anything is stored: size, declared type, and whether the file's
 * first bytes are what that type starts with (a renamed executable is not a photo).
 */
final class EvidenceCheck {

    private EvidenceCheck() {
    }

    static void check(List<EvidenceUpload> files, int urls, long alreadyHeld, ClaimSettings settings) {
        if (alreadyHeld + files.size() + urls > settings.maxFiles()) {
            throw new EvidenceRejectedException(EvidenceRejectedException.Reason.TOO_MANY, "a claim holds at most "
                    + settings.maxFiles() + " pieces of evidence; it has " + alreadyHeld + " and " + (files.size() + urls)
                    + " more were sent");
        }
        for (EvidenceUpload file : files) {
            String name = file.fileName() == null ? "(unnamed file)" : file.fileName();
            if (file.content().length == 0) {
                throw new EvidenceRejectedException(EvidenceRejectedException.Reason.UNSUPPORTED_TYPE, name + " is empty");
            }
            if (file.content().length > settings.maxFileSize().toBytes()) {
                throw new EvidenceRejectedException(EvidenceRejectedException.Reason.TOO_LARGE, name + " is "
                        + file.content().length + " bytes; the limit is " + settings.maxFileSize().toBytes() + " bytes");
            }
            String type = file.contentType() == null ? "" : file.contentType().toLowerCase(java.util.Locale.ROOT);
            if (!settings.contentTypes().contains(type)) {
                throw new EvidenceRejectedException(EvidenceRejectedException.Reason.UNSUPPORTED_TYPE, name + " is of type '"
                        + type + "'; accepted are " + String.join(", ", settings.contentTypes()));
            }
            if (!startsAsDeclared(type, file.content())) {
                throw new EvidenceRejectedException(EvidenceRejectedException.Reason.UNSUPPORTED_TYPE, name
                        + " is declared as " + type + " but its content is not");
            }
        }
    }

    /** Known types' signatures; a type we know no signature of is taken as declared. */
    static boolean startsAsDeclared(String type, byte[] c) {
        return switch (type) {
            case "image/jpeg" -> starts(c, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "image/png" -> starts(c, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "image/webp" -> starts(c, 0, ascii("RIFF")) && starts(c, 8, ascii("WEBP"));
            case "image/gif" -> starts(c, 0, ascii("GIF8"));
            case "video/mp4", "video/quicktime" -> starts(c, 4, ascii("ftyp")) || starts(c, 4, ascii("moov"));
            case "application/pdf" -> starts(c, 0, ascii("%PDF"));
            default -> true;
        };
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean starts(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
