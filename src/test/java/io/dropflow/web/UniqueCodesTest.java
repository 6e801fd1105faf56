package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * Only the unique key of a code taken meanwhile becomes the 409 of a taken code: a create that breaks another rule
 * of the table (a value too long, a missing value), or a unique key while the code is still free, stays the error it
 * was (our bug, a 500 with a reference), so that a 409 never hides a bug.
 */
class UniqueCodesTest {

    private final PlatformTransactionManager transactions = new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    };

    private final UniqueCodes codes = new UniqueCodes(transactions);

    static class Taken extends RuntimeException {
    }

    private static DataIntegrityViolationException violation(String sqlState) {
        return new DataIntegrityViolationException("could not execute statement",
                new RuntimeException("constraint", new SQLException("refused", sqlState)));
    }

    private Object create(DataIntegrityViolationException thrown, boolean codeTaken) {
        return codes.create(() -> {
            throw thrown;
        }, () -> codeTaken, Taken::new);
    }

    @Test
    void aUniqueKeyBrokenWhileTheCodeIsTakenNowIsTheTakenProblem() {
        assertThatThrownBy(() -> create(violation("23505"), true)).isInstanceOf(Taken.class);
    }

    @Test
    void aUniqueKeyBrokenWhileTheCodeIsFreeStaysWhatItWas() {
        DataIntegrityViolationException thrown = violation("23505");
        assertThatThrownBy(() -> create(thrown, false)).isSameAs(thrown);
    }

    @Test
    void anotherRuleBrokenStaysWhatItWasEvenWhenTheCodeIsTaken() {
        for (String notUnique : new String[] {"23502", "22001", "23503", "23514"}) {
            DataIntegrityViolationException thrown = violation(notUnique);
            assertThatThrownBy(() -> create(thrown, true)).as(notUnique).isSameAs(thrown);
        }
        DataIntegrityViolationException withoutSqlState = new DataIntegrityViolationException("no SQL exception");
        assertThatThrownBy(() -> create(withoutSqlState, true)).isSameAs(withoutSqlState);
    }

    @Test
    void aCreateThatWorksIsAnsweredAsItWas() {
        assertThat(codes.create(() -> "created", () -> true, Taken::new)).isEqualTo("created");
    }
}
