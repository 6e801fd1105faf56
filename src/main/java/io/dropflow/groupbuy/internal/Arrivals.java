package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.storefront.StorefrontGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch's parcel at the pickup point: once the leader (or an operator) confirmed it, its lines are
 * ready for pickup and each consumer is told, with the pickup code, through the storefront (once per
 * order and parcel: the key names both). A consumer whose order has lines on another parcel still on its
 * way is told that part of it is there, how many of its items, and that the rest follows.
 *
 * <p>Consumers are told only what is committed (ADR 14 addendum): the lines are put at the point, and what
 * each consumer is to be told recorded ({@link PickupNotice}), in a transaction of their own that commits
 * before the storefront is called; a consumer told "show your pickup code" finds the code taken. The orders'
 * rows are locked in the order of their ids, so that two parcels confirmed at once, each with lines of the
 * same order, take turns on it instead of failing on each other; never while the storefront is called. A retry
 * (the storefront down, a crash) sends what was not taken yet, under the same keys: the storefront applies each
 * once.
 */
@Service
public class Arrivals {

    private static final EnumSet<Status> ON_THEIR_WAY = EnumSet.of(Status.ORDERED, Status.CANCELLATION_REQUESTED);

    private final Batches batches;
    private final Purchases purchases;
    private final GroupBuyLines lines;
    private final GroupBuyOrders orders;
    private final PickupNotices notices;
    private final StorefrontGateway storefront;
    private final OrderLookup lookup;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Arrivals(Batches batches, Purchases purchases, GroupBuyLines lines, GroupBuyOrders orders, PickupNotices notices,
            StorefrontGateway storefront, OrderLookup lookup, OrderProgress progress, OrderTimeline timeline,
            PlatformTransactionManager transactions, Clock clock) {
        this.batches = batches;
        this.purchases = purchases;
        this.lines = lines;
        this.orders = orders;
        this.notices = notices;
        this.storefront = storefront;
        this.lookup = lookup;
        this.progress = progress;
        this.timeline = timeline;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Lines whose cancellation the supplier never answered came anyway: they are ready like the
     * others (their consumer may still leave them, see the collection deadline).
     *
     * @param by who confirmed the parcel
     */
    @CallsPartner
    public void readyForPickup(Long batchId, int purchaseNo, String by) {
        Long purchaseId = ownTransaction.execute(tx -> arrived(batchId, purchaseNo, by));
        tellConsumers(purchaseId);
    }

    /**
     * The leader's receipt of the purchase's parcel, in the receipt's transaction: its lines are at the point as
     * the receipt is answered, so the leader can hand them out at once. Whom to tell what is recorded too; the
     * purchase's "Tell consumers it is ready" ({@link #readyForPickup}) finds the lines there and tells them.
     */
    public void atThePoint(Long batchId, int purchaseNo, String by) {
        arrived(batchId, purchaseNo, by);
    }

    /**
     * Puts the purchase's lines at the point and records whom to tell what, in the caller's (own) transaction;
     * again, it finds them there and records nothing more. @return the purchase's id
     */
    private Long arrived(Long batchId, int purchaseNo, String by) {
        Purchase purchase = purchases.byNumber(batchId, purchaseNo);
        if (purchase.getStatus() != Purchase.Status.RECEIVED) {
            purchase.received(by, clock.instant());
        }
        PickupPoint point = batches.byId(batchId).getPickupPoint();
        for (Long id : lines.orderIdsOnPurchase(purchase.getId(), ON_THEIR_WAY)) {
            GroupBuyOrder order = orders.lockById(id).orElseThrow();
            List<GroupBuyLine> arrived = order.lines(l -> purchase.getId().equals(l.getPurchaseId())
                    && ON_THEIR_WAY.contains(l.getStatus()));
            String key = "DF-B" + batchId + "-PO" + purchaseNo + "-READY-O" + order.getOrderId();
            if (arrived.isEmpty() || notices.existsByIdempotencyKey(key)) {
                continue;
            }
            arrived.forEach(GroupBuyLine::arrived);
            progress.moveTo(order.getOrderId(), OrderStatus.READY_FOR_PICKUP);
            // Lines on another parcel still on their way (ordered, or gone to a backup supplier): part of the order
            int ready = pieces(order.linesIn(Status.READY));
            int coming = pieces(order.lines(l -> l.is(Status.ORDERED) || l.is(Status.MISSING)));
            String where = point.getName() + ", " + point.address().line1() + ", " + point.getCity();
            String code = "Show your pickup code " + order.getPickupCode() + " to " + point.getLeader().getName();
            notices.save(new PickupNotice(order.getId(), purchase.getId(), order.getOrderId(),
                    lookup.order(order.getOrderId()).storefrontOrderId(), key, coming == 0
                            ? "Your group-buy order is ready for pickup at " + where + ". " + code + "."
                            : "Part of your group-buy order is ready for pickup at " + where + ": " + ready + " of "
                                    + (ready + coming) + " items; we will tell you when the rest is there. " + code + ".",
                    "At pickup point " + point.getCode() + ", ready for pickup" + (coming == 0 ? ""
                            : " (" + ready + " of " + (ready + coming) + " items, the rest on its way)") + "; consumer told",
                    clock.instant()));
        }
        return purchase.getId();
    }

    /**
     * Sends what the storefront has not taken yet: for each order the purchase's notices are for, every unsent notice
     * of that order, of this purchase or another, in the order they were recorded. Two parcels confirmed together
     * record "part of your order" then "all of it"; each purchase's job sending only its own sent them in whichever
     * order the jobs ran, and the consumer's last word could be that the rest was still coming (explore-s13 groupbuy
     * D1). The storefront is called outside the order's row lock (closing note s15: a leader's pickup or a refund
     * of the order waited for the storefront): under the lock, in short transactions of their own, a notice is
     * taken to send (marked with this purchase and the time) and, once the storefront took it, marked sent with its
     * timeline entry. One job at a time sends an order's notices: another purchase's job finding one taken goes on
     * with its other orders and then fails ({@link NoticesSentByAnotherJob}), to be retried, as long as a notice of
     * its own is still unsent; it completes only once all of them are sent (review s16 part 2, F3: it completed, and
     * its consumer waited on the other job's incident, or was never told when an operator cancelled that job's
     * process instance). A crash leaves the notice unsent and taken: the purchase's retried job takes it again at
     * once, another purchase's after {@link #SENDING_LEASE}, which its retries (R5/PT2M) outlast; under the same key,
     * which the storefront applies once.
     */
    private void tellConsumers(Long purchaseId) {
        // locked in ascending id order, one at a time: two purchases' jobs never wait on each other in a circle
        java.util.Set<Long> ordersToTell = new java.util.TreeSet<>();
        notices.findByPurchaseIdAndSentAtIsNullOrderById(purchaseId)
                .forEach(notice -> ordersToTell.add(notice.getGroupBuyOrderId()));
        List<PickupNotice> takenByAnother = new java.util.ArrayList<>();
        for (Long groupBuyOrderId : ordersToTell) {
            Turn turn = ownTransaction.execute(tx -> sentAndNext(groupBuyOrderId, purchaseId, null));
            while (turn.toSend() != null) {
                PickupNotice notice = turn.toSend();
                storefront.messageConsumer(notice.getStorefrontOrderId(), notice.getMessage(), notice.getIdempotencyKey());
                turn = ownTransaction.execute(tx -> sentAndNext(groupBuyOrderId, purchaseId, notice.getIdempotencyKey()));
            }
            if (turn.takenByAnother() != null) {
                takenByAnother.add(turn.takenByAnother());
            }
        }
        if (!takenByAnother.isEmpty()) {
            // the other job may have sent this purchase's notices meanwhile: then this one is done
            java.util.Set<Long> taken = new java.util.HashSet<>();
            takenByAnother.forEach(n -> taken.add(n.getGroupBuyOrderId()));
            List<PickupNotice> waiting = notices.findByPurchaseIdAndSentAtIsNullOrderById(purchaseId).stream()
                    .filter(own -> taken.contains(own.getGroupBuyOrderId())).toList();
            if (!waiting.isEmpty()) {
                throw new NoticesSentByAnotherJob(takenByAnother, waiting);
            }
        }
    }

    /**
     * A claim on a notice older than this is one whose job died (a node gone mid-call, or its process instance
     * cancelled in Cockpit while it was failing): longer than any storefront call takes, its timeouts included, and
     * shorter than a waiting purchase's retries (R5/PT2M), which then send the notices themselves.
     */
    static final Duration SENDING_LEASE = Duration.ofMinutes(5);

    /**
     * What a job does next about an order's notices: send {@code toSend}; or nothing, since another purchase's live
     * job took {@code takenByAnother}; or nothing, none being left (both null).
     */
    private record Turn(PickupNotice toSend, PickupNotice takenByAnother) {
    }

    /**
     * Under the order's row lock, in the caller's (own, short) transaction: the notice the storefront just took
     * (its key {@code sentKey}, if any) is marked sent with its timeline entry, and the order's next unsent notice
     * taken to send, unless another purchase's job sends the order's notices now.
     */
    private Turn sentAndNext(Long groupBuyOrderId, Long purchaseId, String sentKey) {
        orders.lockById(groupBuyOrderId).orElseThrow();
        Instant now = clock.instant();
        List<PickupNotice> unsent = new java.util.ArrayList<>(
                notices.findByGroupBuyOrderIdAndSentAtIsNullOrderById(groupBuyOrderId));
        for (java.util.Iterator<PickupNotice> it = unsent.iterator(); it.hasNext(); ) {
            PickupNotice notice = it.next();
            if (notice.getIdempotencyKey().equals(sentKey)) {
                notice.sent(now);
                timeline.record(notice.getOrderId(), notice.getTimelineEntry());
                it.remove();
            }
        }
        if (unsent.isEmpty()) {
            return new Turn(null, null);
        }
        java.util.Optional<PickupNotice> taken = unsent.stream()
                .filter(n -> n.sentByAnother(purchaseId, now.minus(SENDING_LEASE))).findFirst();
        if (taken.isPresent()) {
            return new Turn(null, taken.get());
        }
        PickupNotice first = unsent.get(0);
        first.sending(purchaseId, now);
        return new Turn(first, null);
    }

    /**
     * The purchase's job does not complete while one of its notices is unsent and another purchase's job has its
     * order's notices: it is retried (R5/PT2M). Either that job sends them meanwhile, and the retry completes, or its
     * claim grows older than the sending lease (its job died, or its process instance was cancelled), and the retry
     * sends them itself; if that job lives but keeps failing (the storefront down), this one ends in an incident
     * too, which names the other.
     */
    static final class NoticesSentByAnotherJob extends IllegalStateException {

        NoticesSentByAnotherJob(List<PickupNotice> taken, List<PickupNotice> waiting) {
            super("another job sends the \"ready for pickup\" notices of " + firstFive(taken.stream().map(n -> "order "
                    + n.getOrderId() + " (" + n.getIdempotencyKey() + " taken at " + n.getSendingSince() + ")").toList())
                    + "; this purchase's " + firstFive(waiting.stream().map(PickupNotice::getIdempotencyKey).toList())
                    + " wait(s) for it. Retried until sent, by that job or by this one once that job's claim is older"
                    + " than " + SENDING_LEASE.toMinutes() + " minutes. If this is an incident, look first at the"
                    + " incidents of the batch's other purchases at 'Tell consumers it is ready', then retry this one");
        }

        private static String firstFive(List<String> items) {
            return String.join(", ", items.subList(0, Math.min(5, items.size())))
                    + (items.size() > 5 ? " and " + (items.size() - 5) + " more" : "");
        }
    }

    private static int pieces(List<GroupBuyLine> lines) {
        return lines.stream().mapToInt(GroupBuyLine::getQuantity).sum();
    }
}
