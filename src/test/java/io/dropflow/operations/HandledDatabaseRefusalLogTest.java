package io.dropflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropflow.support.DropflowTest;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exploratory test (a doubt): two requests at once that meet on a unique key are answered 409, yet
 * Hibernate logged a WARN and an ERROR line for each. A statement the database refuses is logged by
 * whoever handles it, not by Hibernate.
 */
@DropflowTest
class HandledDatabaseRefusalLogTest {

    @Autowired
    EntityManager entities;
    @Autowired
    TransactionTemplate transactions;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    private void insertDelivery(String id) {
        transactions.executeWithoutResult(tx -> entities.createNativeQuery("insert into partner_delivery (partner, account,"
                + " topic, delivery_id, payload, status, received_at) values ('log-test', 'A', 't', ?1, '{}', 'TAKEN',"
                + " current_timestamp)").setParameter(1, id).executeUpdate());
    }

    @Test
    void aUniqueKeyMetAndHandledLogsNothingFromHibernate() {
        String id = "log-" + UUID.randomUUID();
        insertDelivery(id);
        logged.list.clear();

        assertThatThrownBy(() -> insertDelivery(id)).hasStackTraceContaining("uq_partner_delivery");

        assertThat(logged.list).as("no WARN or ERROR line of Hibernate's for a refusal its caller handles")
                .noneMatch(e -> e.getLoggerName().startsWith("org.hibernate") && e.getLevel().isGreaterOrEqual(Level.WARN));
    }
}
