package io.dropflow.order.internal;

import io.dropflow.order.AfterSalesWindows;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.OfferView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * An order's after-sales windows: the analysts' table for its channel and each of its products'
 * categories; an order of several categories gets the longest window of each kind.
 */
@Service
class OrderAfterSalesWindows implements AfterSalesWindows {

    private final Orders orders;
    private final Catalog catalog;
    private final AfterSalesWindowsTable table;
    private final Duration day;

    OrderAfterSalesWindows(Orders orders, Catalog catalog, AfterSalesWindowsTable table,
            @Value("${dropflow.after-sales.day:P1D}") Duration day) {
        this.orders = orders;
        this.catalog = catalog;
        this.table = table;
        this.day = day;
    }

    @Override
    public Windows of(Long orderId) {
        Order order = orders.byId(orderId);
        List<String> categories = new ArrayList<>(catalog.activeOffersFor(order.skus()).stream()
                .map(OfferView::category).filter(Objects::nonNull).distinct().toList());
        if (categories.isEmpty()) {
            categories.add(null);
        }
        List<AfterSalesWindowsTable.Days> rows = categories.stream()
                .map(category -> table.windowsFor(order.getChannel(), category)).toList();
        return new Windows(days(rows, AfterSalesWindowsTable.Days::returnWindowDays),
                days(rows, AfterSalesWindowsTable.Days::claimWindowDays),
                days(rows, AfterSalesWindowsTable.Days::settleAfterDays),
                days(rows, AfterSalesWindowsTable.Days::deliveryOverdueDays));
    }

    private Duration days(List<AfterSalesWindowsTable.Days> rows,
            java.util.function.ToLongFunction<AfterSalesWindowsTable.Days> output) {
        return day.multipliedBy(rows.stream().mapToLong(output).max().orElseThrow());
    }
}
