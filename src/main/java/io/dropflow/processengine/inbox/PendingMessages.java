package io.dropflow.processengine.inbox;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ids of a business key's pending messages, oldest first, as the running transaction sees them:
 * what {@link InboxMessages#pendingIdsFor} answers, read with one JDBC statement on the transaction's
 * connection after the entity manager's changes are written (as Hibernate's automatic flush before a
 * query would), without the repository's and the query's machinery. The engine asks this at every
 * wait for a message and at the end of every process that waits for one; through the repository,
 * the look at each instance's end was 10 % of the job threads' samples of the benchmark's skeleton
 * (docs/performance.md, seventeenth round). Outside a transaction it asks the repository.
 */
@Component
public class PendingMessages {

    private static final String PENDING_IDS =
            "select id from inbox_message where status = 'PENDING' and business_key = ? order by id";

    private final InboxMessages messages;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    PendingMessages(InboxMessages messages, EntityManager entityManager, JdbcTemplate jdbc) {
        this.messages = messages;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    public List<Long> idsFor(String businessKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return messages.pendingIdsFor(businessKey);
        }
        entityManager.flush();
        return jdbc.queryForList(PENDING_IDS, Long.class, businessKey);
    }
}
