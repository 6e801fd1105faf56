package io.dropflow.groupbuy.internal;

import java.util.Optional;

/**
 * The engine's users, as a leader's login needs them: the leader's receipt tasks are assigned to it
 * and the leader API checks it, so a login nobody can use would leave the leader's work to nobody.
 */
public interface LeaderLogins {

    /** Why {@code userId} cannot be a leader's login (no such user, or not a group leader); empty when it can. */
    Optional<String> problemWith(String userId);
}
