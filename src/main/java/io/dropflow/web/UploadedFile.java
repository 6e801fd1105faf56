package io.dropflow.web;

/** A file as a request carried it, before anything is stored: what the caller named it, declared it as, and sent. */
public interface UploadedFile {

    String fileName();

    String contentType();

    byte[] content();
}
