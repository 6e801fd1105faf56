package io.dropflow.partners;

import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens that partners issue and expire, kept in the database so that every node of a
 * cluster uses the same one and only one node renews it: renewal happens under the account's row
 * lock, and a node that waited for the lock finds the token the other node got.
 */
public interface PartnerTokens {

    /**
     * @return a token valid for at least {@code renewBefore} more, renewed first if needed (by the
     *     refresh token while it is valid, else by logging in again)
     */
    String accessToken(String partner, String account, Duration renewBefore, Source source);

    /** The partner refused this token (revoked early): the next {@link #accessToken} renews it. */
    void expire(String partner, String account, String refusedToken);

    /** A token as the partner issued it. Expiry times may be null when the partner names none. */
    record Token(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {

        @Override
        public String toString() {
            return "Token[expires " + accessExpiresAt + "]";
        }
    }

    /** How a partner issues tokens. */
    interface Source {

        /** A new token for the refresh token; null when the partner has no refresh (log in instead). */
        Token refresh(String refreshToken);

        /** A new token from the account's own credentials (API key, client secret). */
        Token login();

        /** The least time between two logins the partner allows (CJ: five minutes). */
        default Duration minimumLoginInterval() {
            return Duration.ZERO;
        }

        /** Thrown when a login would come too soon after the last one. */
        RuntimeException loginTooSoon(Instant allowedAt);
    }
}
