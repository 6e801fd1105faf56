package io.dropflow.order.internal;

import static io.dropflow.order.internal.OrderFixtures.NOW;
import static io.dropflow.order.internal.OrderFixtures.mugOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The order aggregate guards its own state. */
class OrderTest {

    private static final Instant LATER = NOW.plus(Duration.ofHours(2));

    @Test
    void aSettledOrderStaysSettledWhenALateEventArrives() {
        Order order = mugOrder();
        order.moveTo(OrderStatus.SETTLED, NOW);

        order.moveTo(OrderStatus.SHIPPED, LATER);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.SETTLED);
        assertThat(order.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void everyClosedStatusIsFinal() {
        for (OrderStatus closed : new OrderStatus[] {OrderStatus.SETTLED, OrderStatus.CANCELLED, OrderStatus.REJECTED,
                OrderStatus.REFUNDED}) {
            Order order = mugOrder();
            order.moveTo(closed, NOW);

            order.moveTo(OrderStatus.SOURCING, LATER);

            assertThat(order.getStatus()).as("after " + closed).isEqualTo(closed);
        }
    }

    @Test
    void movingToTheStatusItHasChangesNothing() {
        Order order = mugOrder();
        order.moveTo(OrderStatus.SOURCING, NOW);

        order.moveTo(OrderStatus.SOURCING, LATER);

        assertThat(order.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void anOpenOrderMovesOnAndRemembersWhen() {
        Order order = mugOrder();

        order.moveTo(OrderStatus.FORWARDED, LATER);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.FORWARDED);
        assertThat(order.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void theSaleTotalIsEachUnitPriceTimesItsQuantity() {
        Order order = mugOrder();
        order.addLine("DEMO-LAMP", 2, new BigDecimal("20.50"));

        assertThat(order.saleTotal()).isEqualByComparingTo("56.00");
        assertThat(order.getLines()).extracting(OrderLine::getLineNo).containsExactly(1, 2);
        assertThat(order.skus()).containsExactly("DEMO-MUG", "DEMO-LAMP");
    }

    @Test
    void aSubstituteReplacesOnlyTheLinesOfItsSku() {
        Order order = mugOrder();
        order.addLine("DEMO-LAMP", 1, new BigDecimal("20.00"));

        order.substituteSku("DEMO-MUG", "DEMO-CUP", LATER);

        assertThat(order.skus()).containsExactly("DEMO-CUP", "DEMO-LAMP");
        assertThat(order.hasLineFor("DEMO-MUG")).isFalse();
        assertThat(order.getUpdatedAt()).isEqualTo(LATER);
        assertThat(order.saleTotal()).as("the consumer pays what they paid").isEqualByComparingTo("35.00");
    }

    @Test
    void anOrderSoldWithoutAChannelCameFromOurWebshop() {
        Order order = mugOrder();

        order.soldThrough(null);
        assertThat(order.getChannel()).isEqualTo("WEBSHOP");

        order.soldThrough("MARKETPLACE");
        assertThat(order.getChannel()).isEqualTo("MARKETPLACE");
    }

    @Test
    void suppliersShipToTheConsumerWithTheirPhone() {
        var shipTo = mugOrder().summary().supplierShipTo();

        assertThat(shipTo.name()).isEqualTo("Erika Mustermann");
        assertThat(shipTo.country()).isEqualTo("DE");
        assertThat(shipTo.phone()).isEqualTo("+49 221 123");
    }
}
