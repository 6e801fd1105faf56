package io.dropflow.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.springframework.util.unit.DataSize;

/**
 * Checks uploaded files before anything is stored: not empty, not larger than the limit, of an
 * accepted type, and starting with the bytes that type starts with (a renamed executable is not a
 * photo, a renamed photo not a PDF). Claims check their evidence with it, onboarding its documents.
 */
public final class UploadCheck {

    /** What a feature accepts: the largest file and the declared types it takes. */
    public record Limits(DataSize maxFileSize, List<String> contentTypes) {
    }

    private UploadCheck() {
    }

    /**
     * @param refuse makes the feature's own problem from the reason and what is wrong with which file
     * @throws RuntimeException what {@code refuse} made, for the first file that fails
     */
    public static void check(List<? extends UploadedFile> files, Limits limits,
            BiFunction<UploadRejected.Reason, String, ? extends RuntimeException> refuse) {
        for (UploadedFile file : files) {
            String name = file.fileName() == null ? "(unnamed file)" : file.fileName();
            if (file.content().length == 0) {
                throw refuse.apply(UploadRejected.Reason.UNSUPPORTED_TYPE, name + " is empty");
            }
            if (file.content().length > limits.maxFileSize().toBytes()) {
                throw refuse.apply(UploadRejected.Reason.TOO_LARGE, name + " is " + file.content().length
                        + " bytes; the limit is " + limits.maxFileSize().toBytes() + " bytes");
            }
            String type = typeOf(file);
            if (!limits.contentTypes().contains(type)) {
                throw refuse.apply(UploadRejected.Reason.UNSUPPORTED_TYPE, name + " is of type '" + type
                        + "'; accepted are " + String.join(", ", limits.contentTypes()));
            }
            if (!startsAsDeclared(type, file.content())) {
                throw refuse.apply(UploadRejected.Reason.UNSUPPORTED_TYPE, name + " is declared as " + type
                        + " but its content is not");
            }
        }
    }

    /** The declared type as stored: lower case; empty when none was declared. */
    public static String typeOf(UploadedFile file) {
        return file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
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

    /** The content's SHA-256, hex: what a stored file is recognised by. */
    public static String sha256(byte[] content) {
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
