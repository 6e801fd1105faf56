package io.dropflow.partners.internal;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.processengine.MessageInbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PartnerDeliveries} on table partner_delivery. The record is committed in a transaction of
 * its own before the partner is answered; each try of the handler has one of its own too, which also
 * marks a taken delivery taken (a try that does not take it leaves its status in one more). A parked
 * delivery is tried again after {@code retry-every}, doubling up to an hour, by the sweep (any node:
 * the row is locked while it is tried, and a delivery taken meanwhile is not tried again); past its
 * deadline, or when the handler calls it unusable, it goes to an operator through the
 * partner-attention process. A delivery whose operator task ended without the operator's decision (its process
 * instance deleted or cancelled in Cockpit) is set aside by the sweep, with when; the next delivery about the
 * same fact that goes to an operator brings it into its task, and meanwhile it is tried hourly
 * ({@link Status#SET_ASIDE}). A try that fails on another request's insert at the same moment is tried once more at
 * once; one that fails otherwise is parked with a neutral text naming its log entry, never the exception's text
 * (the result is the partner's answer); the operator's task adds a reason written for people ({@link #readableReason}).
 */
@Service
public class RecordedDeliveries implements PartnerDeliveries {

    public enum Status {
        RECEIVED, TAKEN, PARKED, ATTENTION, CLOSED,
        /**
         * Was in front of an operator, but its task ended without a decision (deleted or cancelled in Cockpit), so
         * nobody sees it. Kept with when ({@code finished_at}) and why ({@code last_error}: the task, then the reason
         * it was not taken); the next delivery about the same fact that goes to an operator takes
         * it into its task, as {@link #ATTENTION} again, where the operator tries it again or closes it with the rest.
         * One about a fact (a parcel) is tried hourly meanwhile ({@code next_attempt_at}), until
         * {@link #SET_ASIDE_TRIED_FOR} after it came: taken once its shipment came, else set aside still. One about no
         * fact (an order, a supplier's message) is not tried again: an administrator ended its task.
         */
        SET_ASIDE
    }

    private static final Logger log = LoggerFactory.getLogger(RecordedDeliveries.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** How long after it came a set-aside delivery about a parcel is still tried hourly: a parcel's journey, and more. */
    static final Duration SET_ASIDE_TRIED_FOR = Duration.ofDays(30);
    /** A first try takes seconds at most; a delivery still only received after this was left unsettled. */
    private static final Duration UNSETTLED_AFTER = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Map<String, DeliveryHandler> handlers;
    private final AttentionTasks attention;
    private final PartnerSettings.Deliveries settings;
    private final Clock clock;
    private final MessageInbox inbox;

    RecordedDeliveries(JdbcTemplate jdbc, PlatformTransactionManager transactions, List<DeliveryHandler> handlers,
            AttentionTasks attention, PartnerSettings settings, Clock clock, MessageInbox inbox) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.handlers = handlers.stream().collect(Collectors.toMap(DeliveryHandler::partner, Function.identity()));
        this.attention = attention;
        this.settings = settings.deliveries();
        this.clock = clock;
    }

    @Override
    public Receipt receive(String partner, String account, String topic, String deliveryId, String payload) {
        Optional<Map<String, Object>> earlier = find(partner, account, deliveryId);
        if (earlier.isPresent()) {
            return duplicate(earlier.get());
        }
        Long id;
        try {
            id = own.execute(tx -> insert(partner, account, topic, deliveryId, payload));
        } catch (DataIntegrityViolationException concurrentRedelivery) {
            return duplicate(find(partner, account, deliveryId).orElseThrow());
        }
        return new Receipt(id, attempt(id), false);
    }

    @Override
    public void raise(String partner, String account, String topic, String id, String payload, String why) {
        if (find(partner, account, id).isPresent()) {
            return;
        }
        try {
            // Recorded for an operator from the start: a node that stops before the task is opened leaves it to
            // the sweep's operator path (retryDue), never to the partner's handler.
            Long rowId = own.execute(tx -> insert(partner, account, topic, id, payload, Status.ATTENTION));
            Map<String, Object> row = jdbc.queryForMap("select * from partner_delivery where id = ?", rowId);
            settle(delivery(row), DeliveryHandler.Result.unusable(why), handlers.get(partner));
        } catch (DataIntegrityViolationException raisedByAnotherNode) {
            // one task is enough
        }
    }

    /**
     * In the caller's transaction: a redelivery of the same id waits for it on its own lock (a supplier's
     * event locks its purchase order first) and then finds this row.
     */
    @Override
    public boolean recordNotApplied(String partner, String account, String topic, String id, String payload,
            String why, boolean toOperator) {
        if (find(partner, account, id).isPresent()) {
            return false;
        }
        Long rowId = inTheCallersTransaction(partner, id, () -> insert(partner, account, topic, id, payload));
        Map<String, Object> row = jdbc.queryForMap("select * from partner_delivery where id = ?", rowId);
        DeliveryHandler.Delivery delivery = delivery(row);
        if (toOperator) {
            toOperator(rowId, 0, DeliveryHandler.Result.unusable(why), handlers.get(partner), delivery, clock.instant());
        } else {
            taken(delivery, DeliveryHandler.Result.taken(why));
        }
        return true;
    }

    @Override
    public void describe(Recorded recorded, String whatHappened, io.dropflow.processengine.FormFacts facts) {
        jdbc.queryForList("select process_instance_id from partner_delivery where partner = ? and account = ?"
                + " and delivery_id = ? and status = ? and process_instance_id is not null", String.class,
                recorded.partner(), recorded.account(), cut(recorded.id(), 200), Status.ATTENTION.name()).stream()
                .findFirst().filter(attention::running)
                .ifPresent(instance -> attention.describe(instance, whatHappened, facts));
    }

    /** In the caller's transaction, one insert: taken from the start. */
    @Override
    public void recordTaken(String partner, String account, String topic, String id, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        inTheCallersTransaction(partner, id, () -> jdbc.update("insert into partner_delivery (partner, account, topic,"
                + " delivery_id, payload, status, attempts, received_at, finished_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                partner, account, cut(topic, 100), cut(id, 200), storable(payload), Status.TAKEN.name(), now, now));
    }

    /**
     * An insert in the caller's transaction that finds the same delivery id recorded meanwhile: the same
     * id came twice at the same moment (a redelivery, or an id used again) and the other one committed
     * first. The caller's transaction cannot go on (PostgreSQL ends it at the failed insert); a concurrent
     * change, answered 409 with Retry-After, which the partner sends again and is then told apart.
     */
    private static <T> T inTheCallersTransaction(String partner, String id, java.util.function.Supplier<T> insert) {
        try {
            return insert.get();
        } catch (org.springframework.dao.DuplicateKeyException sameIdMeanwhile) {
            throw new org.springframework.dao.ConcurrencyFailureException("delivery " + id + " from " + partner
                    + " was recorded meanwhile by a request at the same moment", sameIdMeanwhile);
        }
    }

    @Override
    public Optional<String> recordedPayload(String partner, String account, String id) {
        return jdbc.queryForList("select payload from partner_delivery where partner = ? and account = ?"
                + " and delivery_id = ?", String.class, partner, account, cut(id, 200)).stream().findFirst();
    }

    /** A row of its own under the key ({@code topic} "lock", taken from the start); {@code finished_at} is its mark. */
    @Override
    public Optional<Instant> lock(String partner, String account, String key) {
        List<Object> marked = jdbc.queryForList("select finished_at from partner_delivery where partner = ?"
                + " and account = ? and delivery_id = ? for update", Object.class, partner, account, cut(key, 200));
        if (marked.isEmpty()) {
            inTheCallersTransaction(partner, key, () -> insert(partner, account, "lock", key, "", Status.TAKEN));
            return Optional.empty();
        }
        return Optional.ofNullable(marked.get(0)).map(DatabaseTime::instant);
    }

    @Override
    public void mark(String partner, String account, String key, Instant when) {
        Timestamp at = Timestamp.from(when);
        jdbc.update("update partner_delivery set finished_at = ? where partner = ? and account = ? and delivery_id = ?"
                + " and (finished_at is null or finished_at < ?)", at, partner, account, cut(key, 200), at);
    }

    /**
     * Kept in the key's row's payload (empty for a lock), one line per change: its time (ISO 8601), a space, its words.
     * A mark the row already has without a line of its time (a node of the previous release marks without words, during
     * a rolling update) gets a line of its own first, with words no reader takes for a change of its own
     * ({@value #UNWORDED}): a reader comparing the changes of one second then knows one of them is unknown (review s18 F6).
     */
    @Override
    public void mark(String partner, String account, String key, Instant when, String change) {
        List<Map<String, Object>> rows = jdbc.queryForList("select finished_at, payload from partner_delivery"
                + " where partner = ? and account = ? and delivery_id = ? for update", partner, account, cut(key, 200));
        mark(partner, account, key, when);
        if (rows.isEmpty()) {
            return;
        }
        String payload = (String) rows.get(0).get("payload");
        List<String> lines = new java.util.ArrayList<>(payload == null ? List.of() : payload.lines().toList());
        Instant markedBefore = DatabaseTime.instant(rows.get(0).get("finished_at"));
        if (markedBefore != null && lines.stream().noneMatch(kept -> kept.startsWith(markedBefore + " "))) {
            lines.add(markedBefore + " " + UNWORDED);
        }
        String line = when + " " + change.replace('\n', ' ').replace('\r', ' ');
        if (!lines.contains(line)) {
            lines.add(line);
        }
        String kept = String.join("\n", lines);
        if (!kept.equals(payload == null ? "" : payload)) {
            jdbc.update("update partner_delivery set payload = ? where partner = ? and account = ? and delivery_id = ?",
                    storable(kept), partner, account, cut(key, 200));
        }
    }

    /** The words of a change marked without words, by a node of the previous release. */
    static final String UNWORDED = "(marked without its words)";

    @Override
    public List<Change> changes(String partner, String account, String key) {
        return jdbc.queryForList("select payload from partner_delivery where partner = ? and account = ?"
                + " and delivery_id = ?", String.class, partner, account, cut(key, 200)).stream()
                .flatMap(String::lines).map(RecordedDeliveries::change).filter(Objects::nonNull).toList();
    }

    /** A line {@link #mark} kept; null for one it did not write. */
    private static Change change(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        try {
            return new Change(Instant.parse(line.substring(0, space)), line.substring(space + 1));
        } catch (java.time.format.DateTimeParseException notOurs) {
            return null;
        }
    }

    /**
     * Few rows: the status leads the due index. Not those whose task ended without a decision (deleted or
     * cancelled in Cockpit) before the sweep set them aside: nobody is asked about them any more.
     */
    @Override
    public List<DeliveryHandler.Delivery> awaitingOperator(String partner, String account) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from partner_delivery where status = ? and partner = ?"
                + " and account = ? order by id", Status.ATTENTION.name(), partner, account);
        java.util.Set<String> running = attention.running(rows.stream().map(row -> (String) row.get("process_instance_id"))
                .filter(Objects::nonNull).toList());
        return rows.stream()
                .filter(row -> row.get("process_instance_id") == null || running.contains((String) row.get("process_instance_id")))
                .map(RecordedDeliveries::delivery).toList();
    }

    /** Records a delivery as received; its generated id comes back with the insert. */
    private Long insert(String partner, String account, String topic, String deliveryId, String payload) {
        return insert(partner, account, topic, deliveryId, payload, Status.RECEIVED);
    }

    private Long insert(String partner, String account, String topic, String deliveryId, String payload, Status status) {
        Instant now = clock.instant();
        DeliveryHandler handler = handlers.get(partner);
        String fact = handler == null ? null : factOf(handler, new DeliveryHandler.Delivery(null, partner, account,
                cut(topic, 100), cut(deliveryId, 200), storable(payload), 0, now));
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into partner_delivery (partner, account, topic, delivery_id,"
                    + " payload, status, received_at, fact_key) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, partner);
            insert.setString(2, account);
            insert.setString(3, cut(topic, 100));
            insert.setString(4, cut(deliveryId, 200));
            insert.setString(5, storable(payload));
            insert.setString(6, status.name());
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setString(8, fact);
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Tries every parked delivery that is due (a set-aside one hourly), and every one still only received a
     * minute after it came (its first try ended without settling it: the node stopped, or the try failed where no answer was
     * recorded); the sweep's work, and what tests call instead of waiting.
     */
    public int retryDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("select id from partner_delivery where (status in (?, ?) and next_attempt_at <= ?)"
                + " or (status = ? and received_at <= ?) order by id", Long.class, Status.PARKED.name(),
                Status.SET_ASIDE.name(), Timestamp.from(now), Status.RECEIVED.name(),
                Timestamp.from(now.minus(UNSETTLED_AFTER)));
        due.forEach(this::attempt);
        // Raised for an operator, but the node stopped before the task was opened.
        List<Long> unopened = jdbc.queryForList("select id from partner_delivery where status = ? and"
                + " process_instance_id is null and received_at <= ? order by id", Long.class, Status.ATTENTION.name(),
                Timestamp.from(now.minus(UNSETTLED_AFTER)));
        for (Long id : unopened) {
            Map<String, Object> row = jdbc.queryForMap("select * from partner_delivery where id = ?", id);
            DeliveryHandler.Delivery delivery = delivery(row);
            settle(delivery, DeliveryHandler.Result.unusable(Objects.toString(row.get("last_error"),
                    "raised for an operator")), handlers.get(delivery.partner()));
        }
        setAsideOfEndedTasks();
        return due.size() + unopened.size();
    }

    /**
     * Deliveries in front of an operator whose task's process instance no longer runs: deleted or cancelled in
     * Cockpit, without the operator's "try again" or "close" (each of which leaves none of its deliveries in
     * front of an operator). Set aside, with when and which task it was, never shown to an operator again by
     * themselves: the next delivery about the same fact that goes to an operator takes them into its task. One
     * about a fact (a parcel) is tried hourly meanwhile, and taken when it can be (its shipment came).
     *
     * @return how many were set aside
     */
    int setAsideOfEndedTasks() {
        List<String> instances = jdbc.queryForList("select distinct process_instance_id from partner_delivery where"
                + " status = ? and process_instance_id is not null", String.class, Status.ATTENTION.name());
        int setAside = 0;
        java.util.Set<String> stillRunning = attention.running(instances);
        for (String instance : instances) {
            if (stillRunning.contains(instance)) {
                continue;
            }
            Timestamp now = Timestamp.from(clock.instant());
            int ofThisTask = 0;
            for (Map<String, Object> row : jdbc.queryForList("select id, fact_key, last_error from"
                    + " partner_delivery where status = ? and process_instance_id = ? order by id",
                    Status.ATTENTION.name(), instance)) {
                String why = "its operator task (process instance " + instance + ") ended without a decision, deleted"
                        + " or cancelled in Cockpit: set aside until the next delivery about the same fact; before: "
                        + Objects.toString(row.get("last_error"), "not taken");
                // Only if still in that task: one that a new task took meanwhile stays there. One about a fact (a
                // parcel) is tried hourly: the shipment it waited for may come.
                ofThisTask += jdbc.update("update partner_delivery set status = ?, finished_at = ?, next_attempt_at = ?,"
                        + " last_error = ? where id = ? and status = ? and process_instance_id = ?", Status.SET_ASIDE.name(),
                        now, row.get("fact_key") == null ? null : Timestamp.from(clock.instant().plus(LONGEST_WAIT)),
                        cut(why, 1000), row.get("id"), Status.ATTENTION.name(), instance);
            }
            setAside += ofThisTask;
            if (ofThisTask == 0) {
                continue; // another node's sweep set them aside meanwhile, and said so
            }
            log.warn("The operator's task {} ended without a decision (deleted or cancelled in Cockpit): its deliveries"
                    + " are set aside until the next delivery about the same fact", instance);
        }
        return setAside;
    }

    @Scheduled(fixedDelayString = "${dropflow.partners.deliveries.sweep-interval:PT30S}",
            initialDelayString = "${dropflow.partners.deliveries.sweep-interval:PT30S}")
    void sweep() {
        if (settings.sweepEnabled()) {
            retryDue();
        }
    }

    /**
     * Tries the delivery now (the sweep, or an operator's "try again").
     * @return what the handler said
     */
    public DeliveryHandler.Result attempt(Long id) {
        Map<String, Object> row = jdbc.queryForMap("select * from partner_delivery where id = ?", id);
        if (settledForGood(row.get("status"))) {
            return DeliveryHandler.Result.taken("taken before");
        }
        DeliveryHandler.Delivery delivery = delivery(row);
        DeliveryHandler handler = handlers.get(delivery.partner());
        DeliveryHandler.Result result;
        if (handler == null) {
            result = DeliveryHandler.Result.unusable("no adapter takes " + delivery.partner() + " deliveries");
        } else {
            try {
                // What a handler did for a delivery it did not take is undone: only a taken one leaves changes,
                // and a taken one is marked taken in the same transaction as those changes (one commit, and no
                // moment in which the changes are in but the delivery still looks untaken).
                // Outside any transaction (a webhook, the sweep), a message the delivery brings may reach its
                // waiting process in this same transaction (MessageInbox#takeInOneTransaction); inside one
                // (an operator's "try again" in a process step) the delivery keeps a transaction of its own.
                org.springframework.transaction.support.TransactionCallback<DeliveryHandler.Result> take = tx -> {
                    if (takenMeanwhile(delivery.id())) {
                        return DeliveryHandler.Result.taken("taken before");
                    }
                    DeliveryHandler.Result r = handler.handle(delivery);
                    if (r.outcome() == DeliveryHandler.Outcome.TAKEN) {
                        taken(delivery, r);
                    } else {
                        tx.setRollbackOnly();
                    }
                    return r;
                };
                try {
                    result = tryInItsTransaction(take);
                } catch (DataIntegrityViolationException | org.springframework.dao.ConcurrencyFailureException sameMoment) {
                    // Stored the same as another request at the same moment, which committed first (Shopify's
                    // orders/create and orders/paid of one order): tried once more at once, the handler finds it
                    // (the first try's changes were all undone).
                    log.info("{} delivery {} ({}) met another request storing the same at the same moment; tried"
                            + " again at once: {}", delivery.partner(), delivery.deliveryId(), delivery.topic(),
                            sameMoment.getClass().getSimpleName());
                    result = tryInItsTransaction(take);
                }
                if (result.outcome() == DeliveryHandler.Outcome.TAKEN) {
                    return result;
                }
            } catch (RuntimeException failed) {
                result = failedInside(delivery, failed, null);
                // the operator's task keeps a reason written for people; the partner's answer stays neutral
                String reason = readableReason(failed);
                settle(delivery, reason == null ? result : failedInside(delivery, failed, reason), handler);
                return result;
            }
        }
        settle(delivery, result, handler);
        return result;
    }

    /**
     * The reason of a failure written for people, for the operator's task: an {@link io.dropflow.web.ApiProblem}'s
     * detail (Dropflow's refusals, a broken decision table) or an IllegalArgumentException's message (data that
     * could not be read), with class names cut to their simple names; null for any other failure (its text may be
     * SQL or a class's internals: only the log has it).
     */
    static String readableReason(RuntimeException failed) {
        String reason = failed instanceof io.dropflow.web.ApiProblem problem ? problem.getBody().getDetail()
                : failed instanceof IllegalArgumentException ? failed.getMessage() : null;
        return reason == null || reason.isBlank() ? null
                : reason.replaceAll("\\b(?:[a-z_$][\\w$]*\\.){2,}([A-Z][\\w$]*)", "$1");
    }

    /** One try of the handler in the delivery's transaction (see {@link #attempt}). */
    private DeliveryHandler.Result tryInItsTransaction(
            org.springframework.transaction.support.TransactionCallback<DeliveryHandler.Result> take) {
        return TransactionSynchronizationManager.isActualTransactionActive() ? own.execute(take)
                : inbox.takeInOneTransaction(take);
    }

    /**
     * A try that failed inside Dropflow: parked, with a neutral text that names where the log has it (logged when
     * {@code reason} is null). The exception's own text (SQL statements, table and column names, class names) goes
     * only to the log: the result's detail is the partner's answer. With a {@code reason} ({@link #readableReason}),
     * the operator's task text, which adds it.
     */
    private static DeliveryHandler.Result failedInside(DeliveryHandler.Delivery delivery, RuntimeException failed,
            String reason) {
        String reference = "partner delivery " + delivery.id() + ", try " + (delivery.attempts() + 1);
        if (reason != null) {
            return DeliveryHandler.Result.notYet("not taken yet: it failed inside Dropflow (logged as " + reference
                    + "); Dropflow tries it again; why: " + reason);
        }
        log.warn("{} delivery {} ({}) failed and is parked ({}): {}", delivery.partner(), delivery.deliveryId(),
                delivery.topic(), reference, failed.toString(), failed);
        return DeliveryHandler.Result.notYet("not taken yet: it failed inside Dropflow (logged as " + reference
                + "); Dropflow tries it again");
    }

    /**
     * An operator settled the delivery by hand: it is closed, and with it every delivery that joined its task
     * (the same fact, {@link DeliveryHandler#sameFact}). One that joins while this runs is waited for and closed
     * too (each statement reads again what was committed meanwhile); one that goes to an operator after this
     * gets a task of its own. The same fact's deliveries parked for their retries are tried first, as
     * {@link #attemptAll} does (a shipment that came meanwhile takes them: a parcel's "delivered" scan still
     * reaches its order), and only those still parked after that are closed; one only received is being tried
     * right now (or the sweep tries it) and is left to that try.
     */
    public void close(Long id, String who) {
        Map<String, Object> row = jdbc.queryForMap("select partner, account, fact_key from partner_delivery where id = ?", id);
        if (row.get("fact_key") != null) {
            parkedOfTheSameFact(row).forEach(this::attempt);
        }
        own.executeWithoutResult(tx -> {
            Timestamp now = Timestamp.from(clock.instant());
            String why = cut("closed by " + who, 1000);
            jdbc.update("update partner_delivery set status = ?, finished_at = ?, last_error = ? where id = ?",
                    Status.CLOSED.name(), now, why, id);
            String instance = taskOf(id);
            String together = cut("closed with the task of delivery " + id + " by " + who, 1000);
            while (instance != null && jdbc.update("update partner_delivery set status = ?, finished_at = ?,"
                    + " next_attempt_at = null, last_error = ? where process_instance_id = ? and status not in (?, ?)",
                    Status.CLOSED.name(), now, together, instance, Status.TAKEN.name(), Status.CLOSED.name()) > 0) {
                // again: a delivery that joined the task while the statement waited for its lock
            }
            if (row.get("fact_key") != null) {
                // the same fact's deliveries their try just now did not take: the operator settled the fact
                jdbc.update("update partner_delivery set status = ?, finished_at = ?, next_attempt_at = null,"
                        + " last_error = ? where status = ? and partner = ? and account = ? and fact_key = ?"
                        + " and process_instance_id is null", Status.CLOSED.name(), now, together, Status.PARKED.name(),
                        row.get("partner"), row.get("account"), row.get("fact_key"));
            }
        });
    }

    /** The deliveries of the row's fact (partner, account, fact_key) parked for their retries, oldest first. */
    private List<Long> parkedOfTheSameFact(Map<String, Object> row) {
        return jdbc.queryForList("select id from partner_delivery where status = ? and partner = ? and account = ?"
                + " and fact_key = ? and process_instance_id is null order by id", Long.class, Status.PARKED.name(),
                row.get("partner"), row.get("account"), row.get("fact_key"));
    }

    /**
     * The operator's "try again" for the delivery's task: the delivery and every one that joined its task (the
     * same fact) are tried, oldest first.
     *
     * @return taken when none of them is left open; otherwise why the first one left was not taken
     */
    public DeliveryHandler.Result attemptAll(Long id) {
        Map<String, Object> row = jdbc.queryForMap("select partner, account, fact_key, process_instance_id"
                + " from partner_delivery where id = ?", id);
        String instance = (String) row.get("process_instance_id");
        if (instance == null) {
            return attempt(id);
        }
        List<Long> ids = new java.util.ArrayList<>(jdbc.queryForList("select id from partner_delivery where"
                + " process_instance_id = ? and status not in (?, ?) order by id", Long.class, instance,
                Status.TAKEN.name(), Status.CLOSED.name()));
        if (row.get("fact_key") != null) {
            // the same fact's deliveries still waiting for their retries: a shipment that came meanwhile takes them
            // now, and one past its deadline joins this task
            ids.addAll(parkedOfTheSameFact(row));
        }
        int taken = 0;
        for (Long each : ids) {
            if (attempt(each).outcome() == DeliveryHandler.Outcome.TAKEN) {
                taken++;
            }
        }
        // Read again under their locks: one that joined the task meanwhile keeps the task open.
        List<Map<String, Object>> left = own.execute(tx -> jdbc.queryForList("select id, last_error from"
                + " partner_delivery where process_instance_id = ? and status not in (?, ?) order by id for update",
                instance, Status.TAKEN.name(), Status.CLOSED.name()));
        if (left.isEmpty()) {
            return DeliveryHandler.Result.taken(taken > 1 ? taken + " deliveries taken" : "taken");
        }
        String first = Objects.toString(left.get(0).get("last_error"), "not taken");
        return DeliveryHandler.Result.notYet(left.size() == 1 ? first
                : left.size() + " of the task's deliveries not taken (" + taken + " taken now): " + first);
    }

    /** The process instance of the delivery's operator task; null when it has none. */
    private String taskOf(Long id) {
        return jdbc.queryForList("select process_instance_id from partner_delivery where id = ?", String.class, id)
                .stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * The deliveries in front of an operator in the delivery's task: itself and those that joined it (the same
     * fact), the latest first; just itself when it has no task.
     */
    public List<Map<String, Object>> ofTheSameTask(Long id) {
        String instance = taskOf(id);
        return instance == null ? List.of(record(id)) : jdbc.queryForList("select id, partner, account, topic,"
                + " delivery_id, status, attempts, received_at, last_error from partner_delivery where"
                + " process_instance_id = ? order by received_at desc, id desc", instance);
    }

    /** The stored delivery, as an operator's form shows it. */
    public DeliveryHandler.Delivery delivery(Long id) {
        return delivery(jdbc.queryForMap("select * from partner_delivery where id = ?", id));
    }

    public Map<String, Object> record(Long id) {
        return jdbc.queryForMap("select id, partner, account, topic, delivery_id, status, attempts, received_at,"
                + " last_error from partner_delivery where id = ?", id);
    }

    /**
     * Writes what a try came to. A delivery another try took or an operator closed meanwhile (the sweep
     * and a partner's redelivery, or two nodes, may try the same one) stays as that left it: the row is
     * read again under its lock, with its attempts and its operator's task as they are now.
     */
    private void settle(DeliveryHandler.Delivery delivery, DeliveryHandler.Result result,
            DeliveryHandler handler) {
        Instant now = clock.instant();
        Long id = delivery.id();
        own.executeWithoutResult(tx -> {
            if (result.outcome() == DeliveryHandler.Outcome.TAKEN) {
                taken(delivery, result);
                return;
            }
            Map<String, Object> row = jdbc.queryForMap("select status, attempts, received_at, process_instance_id"
                    + " from partner_delivery where id = ? for update", id);
            if (settledForGood(row.get("status"))) {
                return;
            }
            int attempts = ((Number) row.get("attempts")).intValue() + 1;
            if (Status.SET_ASIDE.name().equals(row.get("status"))) {
                // its hourly try: set aside still, until it is taken or a delivery of its fact goes to an operator; no
                // more tries once it is SET_ASIDE_TRIED_FOR old (its row stays, and a later delivery still brings it back)
                boolean tryAgain = DatabaseTime.instant(row.get("received_at")).plus(SET_ASIDE_TRIED_FOR).isAfter(now);
                jdbc.update("update partner_delivery set attempts = ?, next_attempt_at = ? where id = ?", attempts,
                        tryAgain ? Timestamp.from(now.plus(LONGEST_WAIT)) : null, id);
                return;
            }
            switch (result.outcome()) {
                case NOT_YET -> {
                    Instant received = DatabaseTime.instant(row.get("received_at"));
                    boolean overdue = !now.isBefore(received.plus(settings.deadline()));
                    if (overdue && row.get("process_instance_id") == null) {
                        toOperator(id, attempts, result, handler, delivery, now);
                    } else {
                        Duration wait = backoff(attempts);
                        jdbc.update("update partner_delivery set status = ?, attempts = ?, next_attempt_at = ?,"
                                + " last_error = ? where id = ?", overdue ? Status.ATTENTION.name() : Status.PARKED.name(),
                                attempts, overdue ? null : Timestamp.from(now.plus(wait)), cut(result.detail(), 1000), id);
                    }
                }
                case UNUSABLE -> {
                    if (row.get("process_instance_id") == null) {
                        toOperator(id, attempts, result, handler, delivery, now);
                    } else {
                        jdbc.update("update partner_delivery set status = ?, attempts = ?, last_error = ? where id = ?",
                                Status.ATTENTION.name(), attempts, cut(result.detail(), 1000), id);
                    }
                }
            }
        });
    }

    /**
     * Locks the delivery's row for the try (another node's sweep or an operator's "try again" waits
     * for it) and tells whether it was taken or closed before the lock was had.
     */
    private boolean takenMeanwhile(Long id) {
        String status = jdbc.queryForObject("select status from partner_delivery where id = ? for update", String.class, id);
        return settledForGood(status);
    }

    /** Whether a delivery with this stored status was taken or closed: no try changes it any more. */
    private static boolean settledForGood(Object status) {
        return Status.TAKEN.name().equals(status) || Status.CLOSED.name().equals(status);
    }

    private void taken(DeliveryHandler.Delivery delivery, DeliveryHandler.Result result) {
        jdbc.update("update partner_delivery set status = ?, attempts = ?, finished_at = ?, next_attempt_at = null,"
                + " last_error = ? where id = ?", Status.TAKEN.name(), delivery.attempts() + 1,
                Timestamp.from(clock.instant()), cut(result.detail(), 1000), delivery.id());
    }

    /**
     * Puts the delivery in front of an operator: into the open task about the same fact
     * ({@link DeliveryHandler#sameFact}) where there is one, else into a task of its own.
     */
    private void toOperator(Long id, int attempts, DeliveryHandler.Result result, DeliveryHandler handler,
            DeliveryHandler.Delivery delivery, Instant now) {
        String fact = handler == null ? null : factOf(handler, delivery);
        jdbc.update("update partner_delivery set status = ?, attempts = ?, next_attempt_at = null, last_error = ?,"
                + " fact_key = ? where id = ?", Status.ATTENTION.name(), attempts, cut(result.detail(), 1000), fact, id);
        Optional<String> open = fact == null ? Optional.empty() : openTaskAbout(delivery, fact);
        if (open.isPresent()) {
            jdbc.update("update partner_delivery set process_instance_id = ? where id = ?", open.get(), id);
            takeAlongSetAside(delivery, fact, open.get());
            afterCommit(() -> showAgain(open.get()));
            log.info("{} delivery {} ({}) joins the operator's open task about {}: {}", delivery.partner(),
                    delivery.deliveryId(), delivery.topic(), fact, result.detail());
            return;
        }
        String title = handler == null ? "Partner message not matched" : handler.attentionTitle(delivery);
        String instance = attention.open(id, title);
        jdbc.update("update partner_delivery set process_instance_id = ? where id = ?", instance, id);
        if (fact != null && takeAlongSetAside(delivery, fact, instance) > 0) {
            afterCommit(() -> showAgain(instance));
        }
        log.warn("{} delivery {} ({}) goes to an operator: {}", delivery.partner(), delivery.deliveryId(),
                delivery.topic(), result.detail());
    }

    /**
     * The same fact's deliveries whose operator task ended without a decision ({@link Status#SET_ASIDE}, or still
     * {@link Status#ATTENTION} in a task that no longer runs, before the sweep found them) join the task
     * {@code instance}: in front of an operator again, where "try again" tries them and "close" closes them with
     * the rest.
     *
     * @return how many joined
     */
    private int takeAlongSetAside(DeliveryHandler.Delivery delivery, String fact, String instance) {
        int joined = 0;
        for (Map<String, Object> row : jdbc.queryForList("select id, status, process_instance_id from partner_delivery"
                + " where status in (?, ?) and partner = ? and account = ? and fact_key = ? and id <> ?"
                + " and process_instance_id is not null and process_instance_id <> ? order by id",
                Status.SET_ASIDE.name(), Status.ATTENTION.name(), delivery.partner(), delivery.account(), fact,
                delivery.id(), instance)) {
            String earlier = (String) row.get("process_instance_id");
            if (Status.ATTENTION.name().equals(row.get("status")) && attention.running(earlier)) {
                continue;
            }
            // as read: one another task took meanwhile stays there
            joined += jdbc.update("update partner_delivery set status = ?, process_instance_id = ?, finished_at = null,"
                    + " next_attempt_at = null where id = ? and status in (?, ?) and process_instance_id = ?",
                    Status.ATTENTION.name(), instance, row.get("id"), Status.SET_ASIDE.name(), Status.ATTENTION.name(),
                    earlier);
        }
        if (joined > 0) {
            log.info("{} deliveries about {} whose operator task ended without a decision join the task {}", joined,
                    fact, instance);
        }
        return joined;
    }

    /** Once the caller's transaction committed (at once without one): the open task shows its deliveries again. */
    private void afterCommit(Runnable then) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            then.run();
                        }
                    });
        } else {
            then.run();
        }
    }

    /**
     * The task's form shows its deliveries again, in a transaction of its own. Only what the form shows: a
     * failure (the operator completing the task at that moment) leaves the deliveries as they are, with the
     * task, and the task shows them all when it is next created.
     */
    private void showAgain(String processInstanceId) {
        try {
            own.executeWithoutResult(tx -> attention.joined(processInstanceId));
        } catch (RuntimeException notShown) {
            log.info("The operator's task {} does not show its latest delivery yet: {}", processInstanceId,
                    notShown.toString());
        }
    }

    /** The handler's key of the fact the delivery tells, cut to its column; null where it gives none (or fails to). */
    private static String factOf(DeliveryHandler handler, DeliveryHandler.Delivery delivery) {
        try {
            return handler.sameFact(delivery).filter(key -> !key.isBlank()).map(key -> cut(key, 200)).orElse(null);
        } catch (RuntimeException unreadable) {
            log.warn("{} delivery {}: its fact could not be read, it gets a task of its own: {}", delivery.partner(),
                    delivery.deliveryId(), unreadable.toString());
            return null;
        }
    }

    /**
     * The process instance of an open operator task about this fact: a delivery of the same partner, account and
     * fact with an operator (locked, so that a task settling all its deliveries at this moment waits for this one,
     * {@link #close}, or settles before it is found: {@link #attemptAll}), whose instance still runs (one cancelled
     * or deleted in Cockpit shows nobody anything: the delivery gets a task of its own).
     */
    private Optional<String> openTaskAbout(DeliveryHandler.Delivery delivery, String fact) {
        return jdbc.queryForList("select id, process_instance_id from partner_delivery where status = ? and partner = ?"
                + " and account = ? and fact_key = ? and process_instance_id is not null and id <> ? order by id for update",
                Status.ATTENTION.name(), delivery.partner(), delivery.account(), fact, delivery.id()).stream()
                .map(row -> (String) row.get("process_instance_id")).distinct().filter(attention::running).findFirst();
    }

    private Duration backoff(int attempts) {
        Duration wait = settings.retryEvery().multipliedBy(1L << Math.min(attempts - 1, 12));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private Receipt duplicate(Map<String, Object> row) {
        String status = (String) row.get("status");
        DeliveryHandler.Outcome outcome = settledForGood(status)
                ? DeliveryHandler.Outcome.TAKEN
                : Status.ATTENTION.name().equals(status) ? DeliveryHandler.Outcome.UNUSABLE : DeliveryHandler.Outcome.NOT_YET;
        return new Receipt(((Number) row.get("id")).longValue(), new DeliveryHandler.Result(outcome, "received before"), true);
    }

    private Optional<Map<String, Object>> find(String partner, String account, String deliveryId) {
        return jdbc.queryForList("select id, status from partner_delivery where partner = ? and account = ?"
                + " and delivery_id = ?", partner, account, cut(deliveryId, 200)).stream().findFirst();
    }

    private static DeliveryHandler.Delivery delivery(Map<String, Object> row) {
        return new DeliveryHandler.Delivery(((Number) row.get("id")).longValue(), (String) row.get("partner"),
                (String) row.get("account"), (String) row.get("topic"), (String) row.get("delivery_id"),
                (String) row.get("payload"), ((Number) row.get("attempts")).intValue(),
                DatabaseTime.instant(row.get("received_at")));
    }

    /**
     * A text cut to its column, without NUL characters (PostgreSQL's text cannot hold them; a partner's
     * message id or topic with one is still recorded, under the same cleaned name each time).
     */
    private static String cut(String text, int max) {
        String clean = text == null ? null : text.replace('\u0000', '\uFFFD');
        return clean == null || clean.length() <= max ? clean : clean.substring(0, max);
    }

    /** The payload as received; a raw NUL (never valid JSON) is kept as its JSON escape. */
    private static String storable(String payload) {
        return payload == null ? "" : payload.replace("\u0000", "\\u0000");
    }
}
