package io.dropflow.order.internal;

import jakarta.persistence.PostUpdate;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sees every status change of an order as it is written (an entity listener, so no caller of
 * {@link Order#moveTo} can forget it), and counts it into {@link OrderMeters} once the change
 * committed: a rolled-back or retried step is not counted twice.
 */
@Component
class OrderMilestones {

    /** Looked up when first needed: Hibernate creates this listener while the meters' EntityManager is being made. */
    private final ObjectProvider<OrderMeters> meters;

    OrderMilestones(ObjectProvider<OrderMeters> meters) {
        this.meters = meters;
    }

    @PostUpdate
    void written(Order order) {
        var reached = order.takeReachedStatus();
        if (reached == null || order.getCreatedAt() == null || order.getUpdatedAt() == null) {
            return;
        }
        Duration sinceIntake = Duration.between(order.getCreatedAt(), order.getUpdatedAt());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    meters.getObject().reached(reached, sinceIntake);
                }
            });
        } else {
            meters.getObject().reached(reached, sinceIntake);
        }
    }
}
