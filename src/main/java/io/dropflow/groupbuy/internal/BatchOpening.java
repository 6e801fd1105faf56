package io.dropflow.groupbuy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pickup point's open batch, opened by the first order after a cutoff. A new batch and its process
 * start in a transaction of their own, committed before the order joins: two first orders at once
 * open one batch (its pickup point and cutoff are unique; the second finds the first's), and an
 * order that is then refused leaves an empty batch that ends at its cutoff without a purchase order.
 */
@Service
class BatchOpening {

    private final Batches batches;
    private final Cutoffs cutoffs;
    private final BatchProcess process;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    BatchOpening(Batches batches, Cutoffs cutoffs, BatchProcess process, PlatformTransactionManager transactions,
            Clock clock) {
        this.batches = batches;
        this.cutoffs = cutoffs;
        this.process = process;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Optional<Batch> openBatchOf(PickupPoint point, Instant now) {
        return batches.findOpen(point.getId(), now, Limit.of(1)).stream().findFirst();
    }

    /** The point's open batch, its row locked until the caller's transaction ends; opened if none is. */
    Batch lockOrOpen(PickupPoint point, Instant now) {
        Optional<Batch> open = batches.lockOpen(point.getId(), now, Limit.of(1)).stream().findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        Cutoffs.Cutoff cutoff = cutoffs.next(point, now);
        try {
            ownTransaction.executeWithoutResult(tx -> {
                Batch batch = batches.saveAndFlush(new Batch(point, cutoff.at(), cutoff.expectedOn(), clock.instant()));
                batch.attachProcess(process.start(batch));
            });
        } catch (DataIntegrityViolationException openedMeanwhile) {
            // Another order opened the same batch (same point and cutoff) a moment before: join that one.
        }
        return batches.lockOpen(point.getId(), now, Limit.of(1)).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("batch of " + point.getCode() + " for " + cutoff.at()
                        + " neither opened nor found"));
    }

    Batch lock(Long batchId) {
        return batches.locked(batchId);
    }
}
