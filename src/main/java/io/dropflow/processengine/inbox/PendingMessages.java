package io.dropflow.processengine.inbox;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ids of a business key's pending messages, oldest first, as the running transaction sees them:
 * what {@link InboxMessages#pendingIdsFor} answers, read with one JDBC statement on the transaction's
 * connection, without the repository's and the query's machinery. Before reading, Hibernate flushes
 * as it would before its own query of the inbox table ({@code autoFlushIfRequired} with that
 * table): only when a change of an inbox message is waiting to be written, and then every waiting
 * change, as before. The engine asks this at every wait marked {@code ${deliverEarlyMessages}} and at
 * the end of every process that can wait for a message, and the inbox when it takes an event;
 * through the repository, the look at each instance's end was 10 % of the job threads' samples of
 * the benchmark's skeleton (docs/performance.md, seventeenth round). Outside a transaction it asks
 * the repository. A repository: errors are translated as the Spring Data repository's were.
 */
@Repository
public class PendingMessages {

    private static final String PENDING_IDS =
            "select id from inbox_message where status = 'PENDING' and business_key = ? order by id";

    private final InboxMessages messages;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private volatile Set<String> inboxTables;

    PendingMessages(InboxMessages messages, EntityManager entityManager, JdbcTemplate jdbc) {
        this.messages = messages;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    public List<Long> idsFor(String businessKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return messages.pendingIdsFor(businessKey);
        }
        entityManager.unwrap(SharedSessionContractImplementor.class).autoFlushIfRequired(inboxTables());
        return jdbc.queryForList(PENDING_IDS, Long.class, businessKey);
    }

    /** The tables Hibernate maps {@link InboxMessage} to: what its queries of the entity flush for. */
    private Set<String> inboxTables() {
        Set<String> tables = inboxTables;
        if (tables == null) {
            tables = Stream.of(entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                    .getMappingMetamodel().getEntityDescriptor(InboxMessage.class).getQuerySpaces())
                    .map(String::valueOf).collect(Collectors.toUnmodifiableSet());
            inboxTables = tables;
        }
        return tables;
    }
}
