package io.dropflow.aftersales;

import io.dropflow.order.PaidBackByCases;
import io.dropflow.settlement.Money;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order's cases' refunds as {@link CaseRefunds} recorded them ({@code case_refund}, one row per case,
 * committed before the storefront was asked to pay), for the order's own full refund to pay only the rest.
 */
@Component
class PaidBackToConsumers implements PaidBackByCases {

    private final JdbcTemplate jdbc;

    PaidBackToConsumers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PaidBack> of(Long orderId) {
        return jdbc.query("select case_kind, case_id, amount, currency from case_refund where order_id = ? order by id",
                (rs, row) -> new PaidBack(CaseKind.valueOf(rs.getString("case_kind")).number(rs.getLong("case_id")),
                        new Money(rs.getBigDecimal("amount"), rs.getString("currency").trim())),
                orderId);
    }
}
