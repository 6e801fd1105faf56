package io.dropflow.storefront;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * An order's refund on a storefront that charges exactly the sale: what is left of the sale once claims and
 * returns paid theirs, and nothing when they paid it all (Shopify refunds what it still holds instead).
 */
class StorefrontGatewayTest {

    private final StorefrontGateway storefront = mock(StorefrontGateway.class, CALLS_REAL_METHODS);

    @Test
    void anOrdersRefundPaysWhatIsLeftOfTheSale() {
        storefront.refundOrder("SHOP-1", new BigDecimal("15.00"), "EUR", "order could not be fulfilled", "DF-7-refund");

        verify(storefront).refund("SHOP-1", new BigDecimal("15.00"), "EUR", "order could not be fulfilled", "DF-7-refund");
    }

    @Test
    void nothingLeftOfTheSaleIsNoRefund() {
        storefront.refundOrder("SHOP-1", new BigDecimal("0.00"), "EUR", "order could not be fulfilled", "DF-7-refund");

        verify(storefront, never()).refund(any(), any(), any(), any(), any());
    }
}
