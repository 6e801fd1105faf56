package io.dropflow.order.internal;

import java.sql.DatabaseMetaData;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only transactions that read one snapshot of the database: a view put together from several tables shows a
 * write committed meanwhile (e.g. a settlement's status, ledger entries and timeline line) wholly or not at all.
 * PostgreSQL reads one snapshot at REPEATABLE READ (taken at the transaction's first statement); H2 (the demo) does
 * at SERIALIZABLE only, since its REPEATABLE READ still shows rows inserted meanwhile. A caller already in a
 * transaction is joined as it is: its isolation stays, and it sees its own writes.
 */
@Component
class SnapshotReads {

    private final TransactionTemplate template;

    SnapshotReads(PlatformTransactionManager transactions, DataSource dataSource) {
        this.template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        template.setIsolationLevel(isolationFor(productName(dataSource)));
    }

    <T> T read(Supplier<T> work) {
        return template.execute(status -> work.get());
    }

    int isolation() {
        return template.getIsolationLevel();
    }

    static int isolationFor(String databaseProductName) {
        return "H2".equalsIgnoreCase(databaseProductName)
                ? TransactionDefinition.ISOLATION_SERIALIZABLE
                : TransactionDefinition.ISOLATION_REPEATABLE_READ;
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database Dropflow runs on", e);
        }
    }
}
