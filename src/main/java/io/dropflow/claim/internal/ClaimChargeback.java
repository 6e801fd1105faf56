package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseBookings;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What a supplier bearing a claim is charged back, in two parts by order line: the lines charged at supply cost (up
 * to what it was paid for their pieces, in the purchase order's currency) and the lines charged at the sale price
 * (their part of what the consumer was paid). claim-cost-bearer.dmn's basis puts every line in one part; at supply
 * cost, a claimed SKU its purchase order does not list (a data repair, an order split across purchase orders) goes
 * to the sale-price part alone, its supply cost being unknown, and the other lines stay at supply cost. When both
 * parts have lines, the sale-price part is converted into the purchase order's currency, as the supply-cost part is.
 * @param atSupplyCost null when no line is charged at supply cost
 * @param supplyWeights what the supply-cost part's pieces are worth, by order line (shares of a withheld claim)
 * @param atSalePrice null when no line is charged at the sale price
 * @param saleWeights what the sale-price part's pieces are worth, by order line
 * @param notListed "purchase order DF-1-PO1 does not list DEMO-TEAPOT" when the table said supply cost and a part
 *        fell back to the sale price; null otherwise
 */
record ClaimChargeback(Money atSupplyCost, Map<Integer, BigDecimal> supplyWeights, String supplyLines,
        Money atSalePrice, Map<Integer, BigDecimal> saleWeights, String saleLines, String notListed) {

    /** The whole of it, in one currency. */
    Money amount() {
        return atSupplyCost == null ? atSalePrice : atSalePrice == null ? atSupplyCost : atSupplyCost.plus(atSalePrice);
    }

    /** Whether some line is charged back on another basis than the table's. */
    boolean fellBack() {
        return notListed != null;
    }

    /** Of each part, the share for the pieces no other case has the supplier pay for. */
    ClaimChargeback leftOf(CaseBookings.SupplierPaidThrough paidThrough) {
        return new ClaimChargeback(atSupplyCost == null ? null : paidThrough.leftOf(atSupplyCost, supplyWeights),
                supplyWeights, supplyLines, atSalePrice == null ? null : paidThrough.leftOf(atSalePrice, saleWeights),
                saleWeights, saleLines, notListed);
    }

    /** How the history says the basis, in the parentheses after the amount. */
    String text() {
        if (notListed == null) {
            return atSupplyCost != null ? "up to what it was paid for the pieces" : "the amount paid to the consumer";
        }
        if (atSupplyCost == null) {
            return "at the sale price, not the supply cost: " + notListed;
        }
        return "at supply cost for line(s) " + supplyLines + ", up to what it was paid for the pieces: " + atSupplyCost
                + "; at the sale price for line(s) " + saleLines + ": " + atSalePrice + ", not the supply cost: " + notListed;
    }
}
