package io.dropflow.storefront.sandbox;

import io.dropflow.storefront.StorefrontGateway;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Applies each idempotency key once, as a real storefront API does, and remembers what it got. */
@Component
@Profile({"demo", "test", "bench"})
@ConditionalOnProperty(name = "dropflow.partners.storefront", havingValue = "sandbox", matchIfMissing = true)
public class SandboxStorefront implements StorefrontGateway {

    private static final Logger log = LoggerFactory.getLogger(SandboxStorefront.class);

    public record Received(String kind, String storefrontOrderId, String detail) {
    }

    private final Map<String, Received> byIdempotencyKey = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger refundsToFail = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger delayNoticesToRefuse = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> messagesToRefuse = new ConcurrentHashMap<>();
    private final Map<String, Hold> messagesToHold = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> refundsToRefuse = new ConcurrentHashMap<>();
    private final Map<String, Hold> refundsToHold = new ConcurrentHashMap<>();

    /** A call held in the storefront: {@code reached} once it is, it answers once {@code release} is counted down. */
    public record Hold(java.util.concurrent.CountDownLatch reached, java.util.concurrent.CountDownLatch release) {
    }

    /** Whether an injected fault is left for this call; counts it off. */
    private static boolean faultLeft(java.util.concurrent.atomic.AtomicInteger faults) {
        return faults.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Fault injection: the next {@code calls} refunds are applied, but the answer is lost, like a timeout. */
    public void failNextRefunds(int calls) {
        refundsToFail.set(calls);
    }

    /** Fault injection: the storefront is down for the next {@code calls} delay notices; none reaches it. */
    public void refuseNextDelayNotices(int calls) {
        delayNoticesToRefuse.set(calls);
    }

    /** Fault injection: the storefront is down for the next {@code calls} messages to this order's consumer. */
    public void refuseNextMessagesTo(String storefrontOrderId, int calls) {
        messagesToRefuse.put(storefrontOrderId, new java.util.concurrent.atomic.AtomicInteger(calls));
    }

    /**
     * Fault injection: the next message to this order's consumer waits in the call until released (at most a
     * minute), like a slow storefront, so that a test can run other work meanwhile.
     */
    public Hold holdNextMessageTo(String storefrontOrderId) {
        Hold hold = new Hold(new java.util.concurrent.CountDownLatch(1), new java.util.concurrent.CountDownLatch(1));
        messagesToHold.put(storefrontOrderId, hold);
        return hold;
    }

    /** Fault injection: the storefront is down for the next {@code calls} refunds of this order; none reaches it. */
    public void refuseNextRefundsOf(String storefrontOrderId, int calls) {
        refundsToRefuse.put(storefrontOrderId, new java.util.concurrent.atomic.AtomicInteger(calls));
    }

    /**
     * Fault injection: the next refund of this order waits in the call until released (at most a minute), like a
     * slow storefront, so that a test can run other work meanwhile.
     */
    public Hold holdNextRefundOf(String storefrontOrderId) {
        Hold hold = new Hold(new java.util.concurrent.CountDownLatch(1), new java.util.concurrent.CountDownLatch(1));
        refundsToHold.put(storefrontOrderId, hold);
        return hold;
    }

    /** Waits in the call while the test holds it. */
    private static void held(Hold hold) {
        if (hold != null) {
            hold.reached().countDown();
            try {
                hold.release().await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void syncTracking(String storefrontOrderId, String carrierCode, String trackingNumber, String idempotencyKey) {
        if (byIdempotencyKey.putIfAbsent(idempotencyKey,
                new Received("TRACKING", storefrontOrderId, carrierCode + " " + trackingNumber)) == null) {
            log.info("Storefront order {} now shows tracking {} {}", storefrontOrderId, carrierCode, trackingNumber);
        }
    }

    @Override
    public void changeTracking(String storefrontOrderId, String formerCarrierCode, String formerTrackingNumber,
            String carrierCode, String trackingNumber, String idempotencyKey) {
        if (byIdempotencyKey.putIfAbsent(idempotencyKey, new Received("TRACKING_CHANGED", storefrontOrderId,
                formerCarrierCode + " " + formerTrackingNumber + " -> " + carrierCode + " " + trackingNumber)) == null) {
            log.info("Storefront order {} now shows tracking {} {} instead of {} {}", storefrontOrderId, carrierCode,
                    trackingNumber, formerCarrierCode, formerTrackingNumber);
        }
    }

    @Override
    public void refund(String storefrontOrderId, BigDecimal amount, String currency, String reason, String idempotencyKey) {
        java.util.concurrent.atomic.AtomicInteger refused = refundsToRefuse.get(storefrontOrderId);
        if (refused != null && faultLeft(refused)) {
            throw new IllegalStateException("sandbox storefront is down: refund " + idempotencyKey + " not taken");
        }
        held(refundsToHold.remove(storefrontOrderId));
        if (byIdempotencyKey.putIfAbsent(idempotencyKey,
                new Received("REFUND", storefrontOrderId, amount.toPlainString() + " " + currency)) == null) {
            log.info("Storefront refunded {} {} on order {} ({})", amount, currency, storefrontOrderId, reason);
        }
        if (faultLeft(refundsToFail)) {
            throw new IllegalStateException("sandbox storefront timed out answering refund " + idempotencyKey);
        }
    }

    @Override
    public void notifyDelay(String storefrontOrderId, String message, String idempotencyKey) {
        if (faultLeft(delayNoticesToRefuse)) {
            throw new IllegalStateException("sandbox storefront is down: delay notice " + idempotencyKey + " not taken");
        }
        if (byIdempotencyKey.putIfAbsent(idempotencyKey, new Received("DELAY_NOTICE", storefrontOrderId, message)) == null) {
            log.info("Storefront told the consumer of order {}: {}", storefrontOrderId, message);
        }
    }

    /** Disputes are recorded, once per key; the sandbox platform never decides by itself. */
    @Override
    public void openDispute(String storefrontOrderId, String claimNumber, String summary, String idempotencyKey) {
        if (byIdempotencyKey.putIfAbsent(idempotencyKey, new Received("DISPUTE", storefrontOrderId, claimNumber + ": " + summary)) == null) {
            log.info("Marketplace dispute opened for order {}: claim {}", storefrontOrderId, claimNumber);
        }
    }

    @Override
    public void messageConsumer(String storefrontOrderId, String message, String idempotencyKey) {
        java.util.concurrent.atomic.AtomicInteger refused = messagesToRefuse.get(storefrontOrderId);
        if (refused != null && faultLeft(refused)) {
            throw new IllegalStateException("sandbox storefront is down: message " + idempotencyKey + " not taken");
        }
        held(messagesToHold.remove(storefrontOrderId));
        if (byIdempotencyKey.putIfAbsent(idempotencyKey, new Received("MESSAGE", storefrontOrderId, message)) == null) {
            log.info("Storefront sent the consumer of order {}: {}", storefrontOrderId, message);
        }
    }

    /** The idempotency keys of the calls of this kind (REFUND, DELAY_NOTICE, TRACKING…) taken for the order. */
    public List<String> idempotencyKeys(String storefrontOrderId, String kind) {
        return byIdempotencyKey.entrySet().stream()
                .filter(e -> e.getValue().storefrontOrderId().equals(storefrontOrderId) && e.getValue().kind().equals(kind))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public List<Received> received(String storefrontOrderId) {
        return byIdempotencyKey.values().stream().filter(r -> r.storefrontOrderId().equals(storefrontOrderId)).toList();
    }

    public void forget() {
        byIdempotencyKey.clear();
        refundsToFail.set(0);
        delayNoticesToRefuse.set(0);
        messagesToRefuse.clear();
        messagesToHold.values().forEach(h -> h.release().countDown());
        messagesToHold.clear();
        refundsToRefuse.clear();
        refundsToHold.values().forEach(h -> h.release().countDown());
        refundsToHold.clear();
    }
}
