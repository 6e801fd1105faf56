package io.dropflow.groupbuy.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: the group-buy part of the README tour. Leader Leo (login {@code leo}) runs
 * pickup point DEMO-POINT, whose cutoff comes every two minutes (a rule of group-buy-cutoff.dmn);
 * DEMO-MUG and DEMO-LAMP are offered for group buying.
 */
@Component
@ConditionalOnProperty(name = "dropflow.demo.enabled", havingValue = "true")
class DemoGroupBuy {

    static final String POINT = "DEMO-POINT";

    private final Leaders leaders;
    private final PickupPoints points;
    private final GroupBuyOffers offers;
    private final Clock clock;

    DemoGroupBuy(Leaders leaders, PickupPoints points, GroupBuyOffers offers, Clock clock) {
        this.leaders = leaders;
        this.points = points;
        this.offers = offers;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void seed() {
        Leader leo = leaders.findByCode("LEO").orElseGet(() -> leaders.save(new Leader("LEO", "Leo Leader",
                "+49 30 5555 0101", "leo@dropflow.example", "leo", new BigDecimal("0.10"), clock.instant())));
        if (points.findByCode(POINT).isEmpty()) {
            points.save(new PickupPoint(POINT, new PickupPoint.Address("Kiez Corner Shop", "Oderberger Str. 7", null,
                    "Berlin", "10435", "Berlin", "DE"), ZoneId.of("Europe/Berlin"), leo, clock.instant()));
        }
        offer("DEMO-MUG", 100);
        offer("DEMO-LAMP", 20);
    }

    private void offer(String sku, int cap) {
        if (offers.findBySku(sku).isEmpty()) {
            offers.save(new GroupBuyOffer(sku, cap, clock.instant()));
        }
    }
}
