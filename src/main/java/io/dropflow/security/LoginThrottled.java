package io.dropflow.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * The engine refuses every password of this user for a while after failed logins (its login
 * throttling: a delay that doubles with each failure; after too many an administrator unlocks the
 * user in Camunda Admin). Answered as a 401 that says so, with {@code Retry-After}.
 */
class LoginThrottled extends LockedException {

    private final Instant until;
    private final long retryAfterSeconds;

    LoginThrottled(Instant until, Instant now) {
        super("every password of this user is refused until " + until);
        this.until = until;
        this.retryAfterSeconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
    }

    Instant until() {
        return until;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
