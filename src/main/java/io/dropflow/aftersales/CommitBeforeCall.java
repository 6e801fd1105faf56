package io.dropflow.aftersales;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits a change to a case in a transaction of its own before a partner is called: a supplier
 * or marketplace may answer inside our call, and its answer must find the round, offer or status
 * it answers, not wait for our step's transaction to end.
 */
@Component
public class CommitBeforeCall {

    private final TransactionTemplate ownTransaction;

    CommitBeforeCall(PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return what {@code change} returned, once committed */
    public <T> T commit(Supplier<T> change) {
        return ownTransaction.execute(tx -> change.get());
    }
}
