package io.dropflow.security;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * A login with a user name that the engine refused: an unknown user, a wrong password, or any password while the
 * engine throttles the user (after a failed login it refuses every password of that user for a while: its login
 * throttling, a delay that doubles with each failure). One answer for all three, on Dropflow's API and on the engine's
 * ({@link EngineRestBasicAuthentication}): a 401 that tells how the throttling goes, with the first failure's delay as
 * {@code Retry-After}. It says nothing of the user: an answer with the user's lock time (or a Retry-After only for a
 * user the engine has) told anyone with any password which user ids exist (review s14, F7).
 */
class LoginRefused extends BadCredentialsException {

    private final transient String detail;
    private final long retryAfterSeconds;

    LoginRefused(ProcessEngineConfiguration engine) {
        super("unknown user or wrong password");
        ProcessEngineConfigurationImpl throttling = (ProcessEngineConfigurationImpl) engine;
        int first = throttling.getLoginDelayBase();
        // a second spare: the lock runs from the failure on the engine's clock, maybe another node's
        this.retryAfterSeconds = Math.max(1, first + 1L);
        String forGood = throttling.getLoginMaxAttempts() == Integer.MAX_VALUE ? ", never for good"
                : "; after " + throttling.getLoginMaxAttempts() + " failures in a row until an administrator unlocks"
                        + " the user in Camunda Admin";
        this.detail = "unknown user or wrong password. After a failed login the engine refuses every password of that"
                + " user for a while, the right one too (login throttling): " + first + " s after the first failure,"
                + " doubling with each further one up to " + throttling.getLoginDelayMaxTime() + " s" + forGood
                + ". Wait the seconds of Retry-After before trying again, longer after several failures";
    }

    /** What the 401 says: the same for every refused login, whoever the user is or is not. */
    String detail() {
        return detail;
    }

    /** Seconds to wait before trying again: the first failure's delay, whoever the user is or is not. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
