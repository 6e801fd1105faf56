package io.dropflow.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows a table got in the running transaction, as PostgreSQL counts them
 * ({@code pg_stat_xact_user_tables}, up to date within the transaction, unlike the server-wide
 * statistics, which arrive after it).
 */
public record RowsWritten(long inserted, long updated, long deleted) {

    public static RowsWritten inThisTransaction(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select n_tup_ins, n_tup_upd, n_tup_del from pg_stat_xact_user_tables where relname = ?",
                (row, n) -> new RowsWritten(row.getLong(1), row.getLong(2), row.getLong(3)), table);
    }
}
