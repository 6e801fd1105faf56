package io.dropflow.order.internal;

import io.dropflow.order.OrderStatus;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding orders for the seller's operations team: newest first, a page at a time, by status, the
 * storefront's order id and when they came in. Every filter and the order of the rows are served by
 * an index of {@code customer_order} (V28, and the storefront order id's unique constraint), so a
 * page costs the same with a thousand orders as with millions.
 */
@Service
class OrderSearch {

    /** Newest first; of two orders taken in the same instant, the later id first, so pages never overlap. */
    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    /**
     * What to look for; null or empty is "any".
     *
     * @param createdFrom orders taken at or after it
     * @param createdTo orders taken before it (so that one day's {@code createdTo} is the next day's
     *        {@code createdFrom} and no order is on both pages)
     */
    record Criteria(Set<OrderStatus> statuses, String storefrontOrderId, Instant createdFrom,
            Instant createdTo) {

        public Criteria {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    private final Orders orders;

    OrderSearch(Orders orders) {
        this.orders = orders;
    }

    /** A page of the orders that meet the criteria, newest first, with how many there are in all. */
    @Transactional(readOnly = true)
    public Page<OrderSummaryView> find(Criteria criteria, int page, int size) {
        return orders.findAll(matching(criteria), PageRequest.of(page, size, NEWEST_FIRST))
                .map(OrderSummaryView::of);
    }

    static Specification<Order> matching(Criteria c) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (!c.statuses().isEmpty()) {
                all.add(root.get("status").in(c.statuses()));
            }
            if (c.storefrontOrderId() != null) {
                all.add(cb.equal(root.get("storefrontOrderId"), c.storefrontOrderId()));
            }
            if (c.createdFrom() != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("createdAt"), c.createdFrom()));
            }
            if (c.createdTo() != null) {
                all.add(cb.lessThan(root.get("createdAt"), c.createdTo()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }
}
