package io.dropflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.support.TestPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every foreign key of Dropflow's own tables has a valid, whole (not partial) index whose key
 * starts with its columns. PostgreSQL
 * creates none for the referencing side: without one, each read of a parent's children (an order's
 * purchase order lines, for a task form) and each delete of a parent scans the whole child table,
 * a cost that grows with every order ever placed.
 */
class ForeignKeysIndexedTest {

    @Test
    void everyForeignKeyHasAnIndexStartingWithItsColumns() {
        DataSource database = new DriverManagerDataSource(TestPostgres.jdbcUrl("foreign_keys_indexed"), "postgres",
                "postgres");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        List<String> unindexed = new JdbcTemplate(database).queryForList("""
                select c.conrelid::regclass || ' (' || (select string_agg(a.attname, ', ' order by k.n)
                        from unnest(c.conkey) with ordinality k(attnum, n)
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)
                    || ') references ' || c.confrelid::regclass
                from pg_constraint c
                where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                  and not exists (
                    select 1 from pg_index i
                    where i.indrelid = c.conrelid and i.indisvalid and i.indpred is null
                      and cardinality(c.conkey) <= i.indnkeyatts
                      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
                      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
                order by 1
                """, String.class);

        assertThat(unindexed).as("foreign keys without an index on their columns").isEmpty();
    }
}
