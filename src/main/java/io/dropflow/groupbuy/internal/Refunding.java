package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.RefundReason;
import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.order.OrderLookup;
import io.dropflow.order.OrderProgress;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.settlement.Ledger;
import io.dropflow.settlement.Money;
import io.dropflow.storefront.StorefrontGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds group-buy consumers what they are owed: every order of the batch with lines to refund (a
 * cancellation, lines nobody could supply, goods not collected), one refund per order and turn,
 * numbered in the storefront's key (DF-B{batch}-O{order}-REFUND{n}): a retried job refunds once.
 *
 * <p>Order by order, as purchase orders are forwarded (ADR 5: the key committed before the partner is called) and as
 * pickup notices are sent ({@link Arrivals}): under the order's row lock, in a short transaction of its own, the
 * refund is decided and claimed (its number and amount recorded, {@code group_buy_refund} with no
 * {@code refunded_at} yet, marked with the job paying it and since when; its lines {@code REFUNDING}); the storefront
 * is called without any lock, so a consumer's cancellation, an arrival or a pickup of that order does not wait for it;
 * in another short transaction under the lock the refund is recorded as paid: its lines refunded, the ledger booked
 * once, the order's status and timeline. A failure at one order leaves the orders refunded before it recorded (review s16: one
 * transaction for the whole batch rolled their bookings back, their refunds gone out). A retried job finds its
 * claimed refund and asks again with the same key and amount (the storefront applies a key once); another job finding
 * an order's refund claimed by a live job goes on with its other orders and then fails, to be retried, so that no
 * refund depends on another job surviving: a claim older than {@link #SENDING_LEASE} is one whose job died (a node
 * gone mid-call, its process instance cancelled), and the next job pays it under its key, or, when no job of its step
 * is left, every node's {@link StaleRefundClaims} does.
 */
@Service
public class Refunding {

    private static final Map<RefundReason, String> WHY = Map.of(RefundReason.CANCELLED, "cancelled by consumer",
            RefundReason.MISSING, "not available from any supplier", RefundReason.UNCOLLECTED, "not collected at the pickup point");

    /**
     * A claim on a refund older than this is one whose job died: longer than any storefront call takes, its timeouts
     * included, and shorter than a waiting job's retries (R5/PT2M), which then pay it themselves.
     */
    static final Duration SENDING_LEASE = Duration.ofMinutes(5);

    private final GroupBuyOrders orders;
    private final GroupBuyLines lines;
    private final GroupBuyRefunds refunds;
    private final StorefrontGateway storefront;
    private final Ledger ledger;
    private final OrderLookup lookup;
    private final OrderProgress progress;
    private final OrderTimeline timeline;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Refunding(GroupBuyOrders orders, GroupBuyLines lines, GroupBuyRefunds refunds, StorefrontGateway storefront,
            Ledger ledger, OrderLookup lookup, OrderProgress progress, OrderTimeline timeline,
            PlatformTransactionManager transactions, Clock clock) {
        this.orders = orders;
        this.lines = lines;
        this.refunds = refunds;
        this.storefront = storefront;
        this.ledger = ledger;
        this.lookup = lookup;
        this.progress = progress;
        this.timeline = timeline;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * @param sender the job refunding: its execution's id, the same on each of its retries, which take its claims
     *     again at once
     * @return how many refunds were paid
     */
    @CallsPartner
    public int refundDue(Long batchId, String sender) {
        return refundDue(batchId, sender, () -> { });
    }

    /**
     * As {@link #refundDue(Long, String)}, after {@code dueFirst} marked lines due for refund, in a transaction of its
     * own that commits before any refund is claimed (the claims read what is committed).
     */
    @CallsPartner
    public int refundDue(Long batchId, String sender, Runnable dueFirst) {
        List<Long> due = ownTransaction.execute(tx -> {
            dueFirst.run();
            // due, or claimed and not yet paid (a try that failed, or a job that died)
            return lines.findByBatchIdAndStatusIn(batchId, EnumSet.of(Status.REFUND_DUE, Status.REFUNDING)).stream()
                    .map(GroupBuyLine::getGroupBuyOrderId).distinct().sorted().toList();
        });
        int refunded = 0;
        List<Claim> claimedByAnother = new ArrayList<>();
        for (Long id : due) {
            // the refund claimed before (a retry's) and then, if more lines became due meanwhile, the next
            refunded += refundOrder(id, sender, false, claimedByAnother);
        }
        if (!claimedByAnother.isEmpty()) {
            throw new RefundsPaidByAnotherJob(claimedByAnother);
        }
        return refunded;
    }

    /**
     * The order's refund claimed and not paid, when its claim is older than {@link #SENDING_LEASE} (its job died, or
     * its step was retried and completed by a node from before V74, which looks only for lines due: review s17 F13):
     * taken over and paid under its key, as a job's retry would ({@link StaleRefundClaims} calls it on every node).
     * Nothing else: lines due and not yet claimed are their step's to refund. A claim another job or sweep took again
     * within the lease is left to it.
     *
     * @return whether it was paid now
     */
    @CallsPartner
    public boolean payStaleClaim(Long groupBuyOrderId, String sender) {
        return refundOrder(groupBuyOrderId, sender, true, new ArrayList<>()) > 0;
    }

    /**
     * Claims, asks the storefront for and records the order's refunds one after the other, each claim in a short
     * transaction of its own; with {@code claimedOnly} only the refund claimed already. A refund a live job claimed
     * goes to {@code claimedByAnother}. @return how many were recorded as paid now
     */
    private int refundOrder(Long id, String sender, boolean claimedOnly, List<Claim> claimedByAnother) {
        int refunded = 0;
        for (Claim claim = ownTransaction.execute(tx -> claim(id, sender, claimedOnly)); claim != null;
                claim = ownTransaction.execute(tx -> claim(id, sender, claimedOnly))) {
            if (!claim.ours()) {
                claimedByAnother.add(claim);
                break;
            }
            Claim asked = claim;
            storefront.refund(asked.storefrontOrderId(), asked.amount().amount(), asked.amount().currency(),
                    WHY.get(asked.reason()), asked.key());
            if (Boolean.TRUE.equals(ownTransaction.execute(tx -> paid(id, asked.refundNo(), asked.key())))) {
                refunded++;
            }
        }
        return refunded;
    }

    /**
     * An order's refund as claimed under its row lock: {@code ours} to ask the storefront for it now, or claimed by
     * another job that lives ({@code since} then its claim's time).
     */
    record Claim(boolean ours, Long orderId, String storefrontOrderId, int refundNo, String key, Money amount,
            RefundReason reason, Instant since) {
    }

    /**
     * Under the order's row lock, in the caller's (own, short) transaction: the order's refund claimed and not yet
     * paid, taken again when it is this sender's or its claim is stale; else the refund due now, numbered, with its
     * lines, recorded and claimed (not with {@code claimedOnly}). @return null when nothing is due
     */
    private Claim claim(Long groupBuyOrderId, String sender, boolean claimedOnly) {
        GroupBuyOrder order = orders.lockById(groupBuyOrderId).orElseThrow();
        Instant now = clock.instant();
        Optional<GroupBuyRefund> unpaid = refunds.findByGroupBuyOrderIdAndRefundedAtIsNull(groupBuyOrderId);
        GroupBuyRefund refund;
        if (unpaid.isPresent()) {
            refund = unpaid.get();
            if (refund.claimedByAnother(sender, now.minus(SENDING_LEASE))) {
                return claim(order, refund, false);
            }
        } else if (claimedOnly) {
            return null;
        } else {
            Optional<GroupBuyOrder.Refund> due = order.refundDue();
            if (due.isEmpty()) {
                return null;
            }
            GroupBuyOrder.Refund planned = due.get();
            order.refunding(planned);
            refund = refunds.save(new GroupBuyRefund(order.getId(), planned.refundNo(), planned.amount().amount(),
                    planned.amount().currency(), planned.reason()));
        }
        refund.claim(sender, now);
        return claim(order, refund, true);
    }

    private Claim claim(GroupBuyOrder order, GroupBuyRefund refund, boolean ours) {
        return new Claim(ours, order.getOrderId(), lookup.order(order.getOrderId()).storefrontOrderId(),
                refund.getRefundNo(), key(order, refund.getRefundNo()), new Money(refund.getAmount(), refund.getCurrency()),
                refund.getReason(), refund.getSendingSince());
    }

    private static String key(GroupBuyOrder order, int refundNo) {
        return "DF-B" + order.getBatchId() + "-O" + order.getOrderId() + "-REFUND" + refundNo;
    }

    /**
     * Under the order's row lock, in the caller's (own, short) transaction, once the storefront took the refund: its
     * lines refunded, the ledger booked, the order's status and timeline; nothing when another job (which took over
     * a claim it thought stale) recorded it first. @return whether it was recorded now
     */
    private boolean paid(Long groupBuyOrderId, int refundNo, String key) {
        GroupBuyOrder order = orders.lockById(groupBuyOrderId).orElseThrow();
        GroupBuyRefund refund = refunds.findByGroupBuyOrderIdAndRefundNo(groupBuyOrderId, refundNo).orElseThrow();
        if (refund.getRefundedAt() != null) {
            return false;
        }
        Money amount = new Money(refund.getAmount(), refund.getCurrency());
        ledger.refund(order.getOrderId(), amount, key);
        List<GroupBuyLine> paid = order.refunded();
        refund.paid(clock.instant());
        if (order.isAllRefunded()) {
            progress.moveTo(order.getOrderId(), order.isCancelledByConsumer() ? OrderStatus.CANCELLED
                    : OrderStatus.REFUNDED);
        }
        timeline.record(order.getOrderId(), "Consumer refunded " + amount + " for " + paid.size() + " line(s): "
                + WHY.get(refund.getReason()));
        return true;
    }

    /**
     * The job does not complete while an order of the batch has lines due whose refund another job is paying now: it
     * is retried (R5/PT2M). Either that job pays it meanwhile, and the retry pays what is left due, or its claim
     * grows older than the sending lease (its job died, or its process instance was cancelled), and the retry pays it
     * under its key; if that job lives but keeps failing (the storefront down), this one ends in an incident too.
     */
    static final class RefundsPaidByAnotherJob extends IllegalStateException {

        RefundsPaidByAnotherJob(List<Claim> claims) {
            super("another job is paying the refund of " + String.join(", ", claims.stream().limit(5)
                    .map(c -> "order " + c.orderId() + " (" + c.key() + ", " + c.amount() + ", claimed at " + c.since() + ")")
                    .toList()) + (claims.size() > 5 ? " and " + (claims.size() - 5) + " more" : "") + ": this job is"
                    + " retried until it is paid, and then refunds what else is due, or pays it itself once that job's"
                    + " claim is older than " + SENDING_LEASE.toMinutes() + " minutes. If this is an incident, look"
                    + " first at the batch's other refund steps' incidents ('Refund what is owed', 'Refund consumers"
                    + " of missing lines', 'Refund uncollected consumers'), then retry this one");
        }
    }
}
