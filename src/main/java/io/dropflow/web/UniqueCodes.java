package io.dropflow.web;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a resource under a code its table keeps unique (a supplier, a group leader, a pickup point). The create
 * looks first whether the code is taken (a 409); two requests with the same new code at the same moment both find
 * it free, and the code's unique key refuses the second insert. That loser gets the 409 a repeat a moment later
 * gets: when the insert broke a unique key (SQL state 23505, PostgreSQL's and H2's) and, once its transaction is
 * rolled back, the code is taken. Any other violation (a value too long, a check, a missing reference), or a unique
 * key's while the code is free, stays what it was: our bug, a 500 with a reference.
 */
@Component
public class UniqueCodes {

    /** The SQL state of a unique key's violation (SQL standard; PostgreSQL and H2 both use it). */
    static final String UNIQUE_VIOLATION = "23505";

    private final TransactionTemplate ownTransaction;

    UniqueCodes(PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param create looks whether the code is taken (throwing {@code taken}'s problem) and inserts; runs in a
     *               transaction of its own, so that {@code codeTaken} reads after it is rolled back
     * @param codeTaken whether a resource has the code now
     * @param taken the problem a create of a taken code answers (the same a repeat gets)
     */
    public <T> T create(Supplier<T> create, BooleanSupplier codeTaken, Supplier<? extends RuntimeException> taken) {
        try {
            return ownTransaction.execute(status -> create.get());
        } catch (DataIntegrityViolationException e) {
            if (brokeAUniqueKey(e) && codeTaken.getAsBoolean()) {
                throw taken.get();
            }
            throw e;
        }
    }

    static boolean brokeAUniqueKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
