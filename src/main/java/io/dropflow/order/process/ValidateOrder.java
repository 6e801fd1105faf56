package io.dropflow.order.process;

import static io.dropflow.order.process.OrderFulfillmentProcess.Variables;

import io.dropflow.order.internal.Order;
import io.dropflow.order.internal.OrderLine;
import io.dropflow.order.OrderStatus;
import io.dropflow.order.OrderTimeline;
import io.dropflow.order.internal.Orders;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks what the storefront could not: every SKU is still offered by some supplier, the address
 * is one a supplier's carrier can deliver to, and the cheapest way to fill the order does not lose
 * money. Problems go to an operator; they do not fail the order.
 */
@Component("validateOrder")
class ValidateOrder implements JavaDelegate {

    private static final Pattern PO_BOX = Pattern.compile("\\b(p\\.?\\s?o\\.?\\s?box|postfach|packstation)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Orders orders;
    private final Catalog catalog;
    private final OrderTimeline timeline;
    private final Clock clock;

    ValidateOrder(Orders orders, Catalog catalog, OrderTimeline timeline, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.catalog = catalog;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Order order = orders.findById((Long) execution.getVariable(Variables.ORDER_ID)).orElseThrow();
        List<String> problems = problemsOf(order);
        execution.setVariable(Variables.ORDER_VALID, problems.isEmpty());
        execution.setVariable(Variables.VALIDATION_PROBLEMS, String.join("; ", problems));
        order.moveTo(problems.isEmpty() ? OrderStatus.SOURCING : OrderStatus.NEEDS_REVIEW, clock.instant());
        timeline.record(order.getId(), problems.isEmpty() ? "Order validated"
                : "Order needs review: " + String.join("; ", problems));
    }

    List<String> problemsOf(Order order) {
        List<String> problems = new ArrayList<>();
        var address = order.getShippingAddress();
        if (PO_BOX.matcher(address.line1() + " " + (address.line2() == null ? "" : address.line2())).find()) {
            problems.add("suppliers' carriers do not deliver to PO boxes or parcel lockers");
        }
        if (address.postalCode() == null || address.postalCode().isBlank()) {
            problems.add("shipping address has no postal code");
        }
        Map<String, List<OfferView>> offersBySku = catalog.activeOffersFor(
                order.getLines().stream().map(OrderLine::getSku).toList()).stream()
                .collect(Collectors.groupingBy(OfferView::sku));
        BigDecimal cheapestCost = BigDecimal.ZERO;
        for (OrderLine line : order.getLines()) {
            List<OfferView> lineOffers = offersBySku.getOrDefault(line.getSku(), List.of());
            if (lineOffers.isEmpty()) {
                problems.add("no supplier offers " + line.getSku() + " any more");
                continue;
            }
            BigDecimal cheapest = lineOffers.stream()
                    .map(o -> o.supplyPrice().multiply(BigDecimal.valueOf(line.getQuantity())).add(o.shippingCost()))
                    .min(BigDecimal::compareTo).orElseThrow();
            cheapestCost = cheapestCost.add(cheapest);
        }
        if (cheapestCost.compareTo(order.saleTotal()) > 0) {
            problems.add("negative margin: cheapest supply and shipping " + cheapestCost.toPlainString() + " "
                    + order.getCurrency() + " exceed the sale total " + order.saleTotal().toPlainString());
        }
        return problems;
    }
}
