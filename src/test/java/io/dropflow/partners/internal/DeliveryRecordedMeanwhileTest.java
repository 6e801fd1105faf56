package io.dropflow.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.support.DropflowTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery recorded in the caller's transaction (a supplier's event) whose id another request recorded
 * meanwhile: two requests with one new id at the same moment. The one that comes second is a concurrent
 * change (409 with Retry-After, {@code ApiProblems}), not a server error; sent again, it is told apart.
 */
@DropflowTest
class DeliveryRecordedMeanwhileTest {

    @Autowired
    PartnerDeliveries deliveries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSameIdRecordedMeanwhileIsAConcurrentChangeAndTheFirstStays() {
        String id = "race-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> deliveries.recordTaken("supplier", "ACME", "applied/ACCEPTED", id, "{\"a\":1}"));

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                tx -> deliveries.recordTaken("supplier", "ACME", "applied/SHIPPED", id, "{\"a\":2}")))
                .isInstanceOf(ConcurrencyFailureException.class).hasMessageContaining(id);
        assertThat(jdbc.queryForList("select topic from partner_delivery where delivery_id = ?", String.class, id))
                .containsExactly("applied/ACCEPTED");
        assertThat(deliveries.recordedPayload("supplier", "ACME", id)).contains("{\"a\":1}");
    }
}
