package io.dropflow.partners;

import java.time.Duration;

/**
 * A partner asked us to slow down (HTTP 429 or its own code for "too many calls"), with the wait it
 * asked for ({@code Retry-After}) if it named one. {@link PartnerCalls} waits out a short one and
 * calls again; a longer one pauses the account's calls until then.
 */
public class PartnerThrottled extends RuntimeException {

    private final transient Duration retryAfter;

    public PartnerThrottled(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** @return the wait the partner asked for; null when it named none */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Reads an HTTP {@code Retry-After}: delay-seconds (RFC 9110 10.2.3); an HTTP date is taken as
     * "a while" (the default), as clocks of two servers rarely agree to the second.
     */
    public static Duration parseRetryAfter(String header, Duration otherwise) {
        if (header == null || header.isBlank()) {
            return otherwise;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? otherwise : Duration.ofSeconds(seconds);
        } catch (NumberFormatException httpDate) {
            return otherwise;
        }
    }
}
