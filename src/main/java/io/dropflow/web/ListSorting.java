package io.dropflow.web;

import java.util.List;
import org.springframework.data.domain.Sort;

/**
 * The {@code sort} of a list, checked against the properties the list can be sorted by: anything else is a 400
 * naming {@code sort}. Spring reads {@code sort=code,sideways} as two properties, {@code code} and
 * {@code sideways} (a direction is only {@code asc} or {@code desc}), so a misspelt direction is named as what it
 * became, with how a direction is written.
 */
public final class ListSorting {

    private ListSorting() {
    }

    /**
     * The sort asked for, or {@code fallback} when none was.
     * @throws InvalidRequest naming {@code sort} when a property is not {@code allowed}
     */
    public static Sort orElse(Sort requested, List<String> allowed, Sort fallback) {
        check(requested, allowed);
        return requested.isSorted() ? requested : fallback;
    }

    /** @throws InvalidRequest naming {@code sort} when a property is not {@code allowed} */
    public static void check(Sort requested, List<String> allowed) {
        for (Sort.Order order : requested) {
            if (!allowed.contains(order.getProperty())) {
                throw new InvalidRequest(List.of(new InvalidRequest.FieldError("sort", "cannot sort by "
                        + order.getProperty() + "; sort by one of " + allowed + ", each optionally followed by ,asc or"
                        + " ,desc (sort=" + allowed.get(0) + ",desc)")));
            }
        }
    }
}
