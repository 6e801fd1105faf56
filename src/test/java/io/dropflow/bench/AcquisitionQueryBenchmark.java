package io.dropflow.bench;

import io.dropflow.support.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The job executor's acquisition query on the engine's own PostgreSQL schema, with and without
 * the index Dropflow adds ({@code JobAcquisitionIndex}, its columns by default; {@code -Dindex="(…)"}
 * tries others), in four situations: a storm (10 000 missed ship-by deadlines due at once, each
 * order's reminder due too), an ordinary day (many open orders' timers in the future, a few jobs
 * due), a busy hour (the same with hundreds of continuations due) and an idle one. The statement is the engine's
 * {@code selectNextJobsToExecute} for PostgreSQL as Dropflow configures it (by priority, not
 * deployment-aware, 6 jobs), sent as a prepared statement like MyBatis sends it; rows are written
 * with plain SQL, so no engine runs. Prints the mean time per acquisition of each variant ({@code -Dbench.plans=true}: and
 * PostgreSQL's plans).
 *
 * <pre>./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.dropflow.bench.AcquisitionQueryBenchmark
 *   [-Dstorm=10000] [-Dfuture=100000] [-Drounds=200]</pre>
 */
public final class AcquisitionQueryBenchmark {

    static final String ACQUISITION = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
            from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0)
              and (RES.DUEDATE_ is null or RES.DUEDATE_ <= ?)
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?)
              and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = true
                    and not exists(select J2.ID_ from ACT_RU_JOB J2
                                   where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_
                                     and (J2.EXCLUSIVE_ = true)
                                     and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= ?)))
                   or RES.EXCLUSIVE_ = false)
            order by RES.PRIORITY_ desc
            LIMIT ? OFFSET ?""";

    private AcquisitionQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int storm = Integer.getInteger("storm", 10_000);
        int future = Integer.getInteger("future", 100_000);
        int rounds = Integer.getInteger("rounds", 200);
        System.out.printf(Locale.ROOT, "Acquisition query (selectNextJobsToExecute by priority, 6 jobs): %d rounds each%n",
                rounds);
        try (EmbeddedPostgres server = TestPostgres.newServer(); Connection db = server.getPostgresDatabase().getConnection()) {
            schema(db);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            // A storm: every open order's ship-by deadline (priority 10) and its reminder (0) due at once,
            // both in the order's process instance; 18 of these orders have a job running (locked), so the
            // exclusive-job check skips their other jobs.
            List<String> orders = instances(storm);
            jobs(db, orders, now.minusSeconds(60), 10, "storm-deadline", false);
            jobs(db, orders, now.minusSeconds(3_600), 0, "storm-reminder", false);
            jobs(db, orders.subList(0, 18), now.minusSeconds(60), 10, "storm-running", true);
            report(db, "storm: " + 2 * storm + " jobs due, 18 more locked", now, rounds);
            try (Statement sql = db.createStatement()) {
                sql.execute("truncate ACT_RU_JOB");
            }
            // An ordinary day: open orders' deadlines and reminders in the future, a few jobs due now.
            List<String> open = instances(future / 2);
            jobs(db, open, now.plus(3, ChronoUnit.DAYS), 10, "future-deadline", false);
            jobs(db, open, now.plus(2, ChronoUnit.DAYS), 0, "future-reminder", false);
            jobs(db, instances(4), null, 0, "async-continuation", false);
            jobs(db, instances(2), now.minusSeconds(1), 0, "due-reminder", false);
            jobs(db, instances(6), null, 0, "running", true);
            report(db, "day: " + future + " timers in the future, 6 due, 6 more locked", now, rounds);
            // A busy hour: the same future timers, hundreds of continuations waiting for a thread.
            jobs(db, instances(300), null, 0, "busy-continuation", false);
            report(db, "busy: " + future + " timers in the future, 306 due, 6 more locked", now, rounds);
            try (Statement sql = db.createStatement()) {
                sql.execute("delete from ACT_RU_JOB where (DUEDATE_ is null or DUEDATE_ <= now()) and LOCK_OWNER_ is null");
            }
            report(db, "idle: " + future + " timers in the future, none due, 6 locked", now, rounds);
        }
    }

    private static void report(Connection db, String situation, Instant now, int rounds) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("drop index if exists DF_IDX_JOB_ACQUISITION");
            sql.execute("drop index if exists DF_IDX_JOB_LOCKED");
            sql.execute("analyze ACT_RU_JOB");
        }
        double without = time(db, now, rounds);
        String planWithout = plan(db, now);
        try (Statement sql = db.createStatement()) {
            sql.execute("create index DF_IDX_JOB_ACQUISITION on ACT_RU_JOB " + System.getProperty("index", "(PRIORITY_ desc, DUEDATE_)"));
            if (!Boolean.getBoolean("without.locked")) {
                sql.execute("create index DF_IDX_JOB_LOCKED on ACT_RU_JOB (PROCESS_INSTANCE_ID_) where LOCK_OWNER_ is not null");
            }
            sql.execute("analyze ACT_RU_JOB");
        }
        double with = time(db, now, rounds);
        String planWith = plan(db, now);
        System.out.printf(Locale.ROOT, "%s: %.2f ms per acquisition without the index, %.2f ms with it%n", situation,
                without, with);
        if (Boolean.getBoolean("bench.plans")) {
            System.out.println("  without: " + planWithout.replace("\n", "\n    "));
            System.out.println("  with: " + planWith.replace("\n", "\n    "));
        }
    }

    private static double time(Connection db, Instant now, int rounds) throws SQLException {
        try (PreparedStatement acquire = db.prepareStatement(ACQUISITION)) {
            bind(acquire, now);
            for (int warm = 0; warm < 20; warm++) {
                drain(acquire);
            }
            long started = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                drain(acquire);
            }
            return (System.nanoTime() - started) / 1e6 / rounds;
        }
    }

    private static void drain(PreparedStatement acquire) throws SQLException {
        try (ResultSet rows = acquire.executeQuery()) {
            while (rows.next()) {
                rows.getString(1);
            }
        }
    }

    private static void bind(PreparedStatement acquire, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        for (int i = 1; i <= 3; i++) {
            acquire.setTimestamp(i, at);
        }
        acquire.setInt(4, 6);
        acquire.setInt(5, 0);
    }

    /** The plan for the same statement and values, as PostgreSQL chooses it for them. */
    private static String plan(Connection db, Instant now) throws SQLException {
        return plan(db, now, "analyze, costs off, timing off");
    }

    /** The plan for the statement and values with PostgreSQL's {@code explain} options (e.g. "analyze, buffers"). */
    static String plan(Connection db, Instant now, String options) throws SQLException {
        try (PreparedStatement explain = db.prepareStatement("explain (" + options + ") " + ACQUISITION)) {
            bind(explain, now);
            try (ResultSet rows = explain.executeQuery()) {
                return lines(rows);
            }
        }
    }

    /** An explain's answer, a line per row. */
    private static String lines(ResultSet rows) throws SQLException {
        List<String> lines = new ArrayList<>();
        while (rows.next()) {
            lines.add(rows.getString(1));
        }
        return String.join("\n", lines);
    }

    /**
     * The generic plan PostgreSQL may give the statement once the driver has prepared it: prepared
     * with parameters, explained as an {@code execute} under {@code plan_cache_mode =
     * force_generic_plan} (an {@code explain} of the statement itself plans it for the values bound).
     */
    static String genericPlan(Connection db, Instant now, String options) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : ACQUISITION.toCharArray()) {
            numbered.append(c == '?' ? "$" + (++n) : String.valueOf(c));
        }
        String at = "'" + Timestamp.from(now) + "'";
        try (Statement sql = db.createStatement()) {
            sql.execute("deallocate all");
            sql.execute("prepare df_acquisition(timestamp, timestamp, timestamp, int, int) as " + numbered);
            sql.execute("set plan_cache_mode = force_generic_plan");
            try (ResultSet rows = sql.executeQuery("explain (" + options + ") execute df_acquisition(" + at + ", " + at
                    + ", " + at + ", 6, 0)")) {
                return lines(rows);
            } finally {
                sql.execute("reset plan_cache_mode");
                sql.execute("deallocate df_acquisition");
            }
        }
    }

    private static List<String> instances(int count) {
        return Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
    }

    private static void jobs(Connection db, List<String> instances, Instant due, int priority, String kind,
            boolean locked) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("""
                insert into ACT_RU_JOB (ID_, REV_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, EXCLUSIVE_,
                  PROCESS_INSTANCE_ID_, EXECUTION_ID_, HANDLER_TYPE_, HANDLER_CFG_, PRIORITY_, SEQUENCE_COUNTER_,
                  LOCK_OWNER_, LOCK_EXP_TIME_)
                values (?, 1, ?, ?, 3, 1, true, ?, ?, ?, ?, ?, 1, ?, ?)""")) {
            int i = 0;
            for (String instance : instances) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, due == null ? "message" : "timer");
                insert.setTimestamp(3, due == null ? null : Timestamp.from(due));
                insert.setString(4, instance);
                insert.setString(5, instance);
                insert.setString(6, due == null ? "async-continuation" : "timer-transition");
                insert.setString(7, kind);
                insert.setLong(8, priority);
                insert.setString(9, locked ? "node" : null);
                insert.setTimestamp(10, locked ? Timestamp.from(Instant.now().plusSeconds(600)) : null);
                insert.addBatch();
                if (++i % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static void schema(Connection db) throws IOException, SQLException {
        try (InputStream script = ProcessEngine.class.getResourceAsStream(
                "/org/camunda/bpm/engine/db/create/activiti.postgres.create.engine.sql");
                Statement sql = db.createStatement()) {
            String text = new String(script.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
            for (String statement : Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList()) {
                sql.execute(statement);
            }
        }
    }
}
