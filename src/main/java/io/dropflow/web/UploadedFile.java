package io.dropflow.web;

import java.util.regex.Pattern;

/** A file as a request carried it, before anything is stored: what the caller named it, declared it as, and sent. */
public interface UploadedFile {

    /** The longest file name kept: the length of the columns that keep it (claim_evidence, supplier_document). */
    int LONGEST_NAME = 255;

    String fileName();

    String contentType();

    byte[] content();

    /**
     * The file's name as it is kept: a longer one (a phone's share of a web page's title, say) is cut to
     * {@link #LONGEST_NAME} characters, marked with "…" where it was cut, keeping its extension
     * ({@code .jpg}, {@code .pdf}: what the name says of the file). Nothing else is changed; a file is still
     * recognised by its name and content when it is sent again, the name being cut the same way.
     */
    static String kept(String fileName) {
        if (fileName == null || fileName.length() <= LONGEST_NAME) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot > 0 && EXTENSION.matcher(fileName.substring(dot)).matches() ? fileName.substring(dot) : "";
        int end = LONGEST_NAME - extension.length() - 1;
        if (Character.isHighSurrogate(fileName.charAt(end - 1))) {
            end--; // not half a character (an emoji)
        }
        return fileName.substring(0, end) + "…" + extension;
    }

    /** An extension worth keeping: a dot and up to 15 letters or digits. */
    Pattern EXTENSION = Pattern.compile("\\.[\\p{Alnum}]{1,15}");
}
