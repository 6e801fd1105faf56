package io.dropflow.security;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * An API key was sent ({@code X-Api-Key} or {@code Authorization: Bearer}) but is not an active key: unknown, mistyped,
 * cut short or revoked. Answered as a 401 that says a key arrived and was refused, unlike a request without any
 * credentials; it does not say which of those it is, so that a guessed key tells nothing about the keys there are.
 */
class ApiKeyRefused extends BadCredentialsException {

    static final String DETAIL = "the API key sent (X-Api-Key or Authorization: Bearer) is not an active key: it is"
            + " unknown, mistyped or revoked (Dropflow does not say which); ask an administrator for a new key";

    ApiKeyRefused() {
        super("unknown or revoked API key");
    }
}
