package io.dropflow.partners.internal;

import io.dropflow.partners.PartnerTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PartnerTokens} in table partner_token. A token that is valid long enough is read without
 * a lock; otherwise the account's row is locked, read again (another node may have renewed it while
 * we waited) and renewed under the lock, so the cluster renews once. Tokens never reach a log.
 */
@Component
class DatabaseTokens implements PartnerTokens {

    private static final Logger log = LoggerFactory.getLogger(DatabaseTokens.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    DatabaseTokens(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String accessToken(String partner, String account, Duration renewBefore, Source source) {
        Map<String, Object> current = row(partner, account, false);
        if (current != null && fresh(current, renewBefore)) {
            return (String) current.get("access_token");
        }
        ensureRow(partner, account);
        return own.execute(tx -> {
            Map<String, Object> locked = row(partner, account, true);
            if (fresh(locked, renewBefore)) {
                return (String) locked.get("access_token"); // another node renewed it while we waited
            }
            Instant now = clock.instant();
            Token token = null;
            String refresh = (String) locked.get("refresh_token");
            Instant refreshExpires = DatabaseTime.instant(locked.get("refresh_expires_at"));
            if (refresh != null && (refreshExpires == null || refreshExpires.isAfter(now.plusSeconds(60)))) {
                try {
                    token = source.refresh(refresh);
                    log.info("{} token of {} refreshed", partner, account);
                } catch (RuntimeException refused) {
                    log.warn("{} refused the refresh token of {} ({}): logging in again", partner, account,
                            refused.getMessage());
                }
            }
            boolean login = token == null;
            if (login) {
                Instant lastLogin = DatabaseTime.instant(locked.get("last_login_at"));
                Duration gap = source.minimumLoginInterval();
                if (lastLogin != null && !gap.isZero() && lastLogin.plus(gap).isAfter(now)) {
                    throw source.loginTooSoon(lastLogin.plus(gap));
                }
                token = source.login();
                log.info("{} account {} logged in for a new token", partner, account);
            }
            jdbc.update("update partner_token set access_token = ?, access_expires_at = ?, refresh_token = ?,"
                    + " refresh_expires_at = ?, last_login_at = ?, updated_at = ? where partner = ? and account = ?",
                    token.accessToken(), ts(token.accessExpiresAt()),
                    token.refreshToken() != null ? token.refreshToken() : refresh,
                    token.refreshToken() != null ? ts(token.refreshExpiresAt()) : ts(refreshExpires),
                    login ? Timestamp.from(now) : locked.get("last_login_at"), Timestamp.from(now), partner, account);
            return token.accessToken();
        });
    }

    @Override
    public void expire(String partner, String account, String refusedToken) {
        own.executeWithoutResult(tx -> jdbc.update("update partner_token set access_expires_at = ?, updated_at = ?"
                + " where partner = ? and account = ? and access_token = ?", Timestamp.from(Instant.EPOCH),
                Timestamp.from(clock.instant()), partner, account, refusedToken));
    }

    private boolean fresh(Map<String, Object> row, Duration renewBefore) {
        if (row == null || row.get("access_token") == null) {
            return false;
        }
        Instant expires = DatabaseTime.instant(row.get("access_expires_at"));
        return expires == null || expires.isAfter(clock.instant().plus(renewBefore));
    }

    private Map<String, Object> row(String partner, String account, boolean lock) {
        List<Map<String, Object>> rows = jdbc.queryForList("select access_token, access_expires_at, refresh_token,"
                + " refresh_expires_at, last_login_at from partner_token where partner = ? and account = ?"
                + (lock ? " for update" : ""), partner, account);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void ensureRow(String partner, String account) {
        if (row(partner, account, false) != null) {
            return;
        }
        try {
            own.executeWithoutResult(tx -> jdbc.update("insert into partner_token (partner, account, updated_at)"
                    + " values (?, ?, ?)", partner, account, Timestamp.from(clock.instant())));
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            // its row is there now
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
