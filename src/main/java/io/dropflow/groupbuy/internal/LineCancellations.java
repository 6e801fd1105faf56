package io.dropflow.groupbuy.internal;

import io.dropflow.groupbuy.internal.GroupBuyLine.Status;
import io.dropflow.processengine.CallsPartner;
import io.dropflow.supplier.Purchasing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Consumers who cancelled after the cutoff: each supplier is asked to take their lines off its
 * purchase order, one request per consumer and purchase order, keyed by its cancellation number (a
 * repeat asks nothing new). The answers come by webhook; a supplier that cannot take single lines
 * off refuses at once, and the lines stay on their way.
 */
@Service
public class LineCancellations {

    private final GroupBuyLines lines;
    private final Purchases purchases;
    private final Purchasing purchasing;
    private final PurchaseAnswers answers;

    LineCancellations(GroupBuyLines lines, Purchases purchases, Purchasing purchasing, PurchaseAnswers answers) {
        this.lines = lines;
        this.purchases = purchases;
        this.purchasing = purchasing;
        this.answers = answers;
    }

    /** @return how many requests went to suppliers */
    @CallsPartner
    public int askSuppliers(Long batchId) {
        Map<String, List<GroupBuyLine>> byNumber = lines.findByBatchIdAndStatus(batchId, Status.CANCELLATION_REQUESTED)
                .stream().collect(Collectors.groupingBy(GroupBuyLine::getCancellationNumber, LinkedHashMap::new,
                        Collectors.toList()));
        int asked = 0;
        for (Map.Entry<String, List<GroupBuyLine>> request : byNumber.entrySet()) {
            Purchase purchase = purchases.findById(request.getValue().get(0).getPurchaseId()).orElseThrow();
            Map<String, Integer> pieces = new LinkedHashMap<>();
            request.getValue().forEach(l -> pieces.merge(l.getSku(), l.getQuantity(), Integer::sum));
            if (purchasing.requestLineCancellation(purchase.getPurchaseOrderId(), request.getKey(), pieces)) {
                asked++;
            } else {
                answers.linesCancellation(request.getKey(), purchase.getPurchaseOrderId(), false);
            }
        }
        return asked;
    }
}
