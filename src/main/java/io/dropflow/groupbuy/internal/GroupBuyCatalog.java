package io.dropflow.groupbuy.internal;

import io.dropflow.supplier.Catalog;
import io.dropflow.web.NotFound;
import io.dropflow.web.UniqueCodes;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group buying's master data, managed like the supplier catalog: leaders, pickup points and the
 * SKUs offered for group buying; a change is made to the version the caller read, or is a 409.
 */
@Service
public class GroupBuyCatalog {

    /** A leader as the API shows it. */
    public record LeaderDetails(String code, String name, String phone, String email, String userId,
            BigDecimal commissionRate, boolean active, long version, Instant createdAt, Instant updatedAt) {

        static LeaderDetails of(Leader l) {
            return new LeaderDetails(l.getCode(), l.getName(), l.getPhone(), l.getEmail(), l.getUserId(),
                    l.getCommissionRate(), l.isActive(), l.getVersion(), l.getCreatedAt(), l.getUpdatedAt());
        }
    }

    /** A pickup point as the API shows it; {@code leader} is the leader's code. */
    public record PickupPointDetails(String code, String name, String line1, String line2, String city,
            String postalCode, String region, String country, String timeZone, String leader, boolean active,
            long version, Instant createdAt, Instant updatedAt) {

        static PickupPointDetails of(PickupPoint p) {
            PickupPoint.Address a = p.address();
            return new PickupPointDetails(p.getCode(), a.name(), a.line1(), a.line2(), a.city(), a.postalCode(),
                    a.region(), a.country(), p.getTimeZone(), p.getLeader().getCode(), p.isActive(), p.getVersion(),
                    p.getCreatedAt(), p.getUpdatedAt());
        }
    }

    /** A group-buy offer as the API shows it. */
    public record OfferDetails(String sku, int stockCap, boolean active, long version, Instant createdAt,
            Instant updatedAt) {

        static OfferDetails of(GroupBuyOffer o) {
            return new OfferDetails(o.getSku(), o.getStockCap(), o.isActive(), o.getVersion(), o.getCreatedAt(),
                    o.getUpdatedAt());
        }
    }

    public record LeaderData(String name, String phone, String email, String userId, BigDecimal commissionRate,
            boolean active) {
    }

    public record PickupPointData(PickupPoint.Address address, String timeZone, String leader, boolean active) {
    }

    /** Filters of the lists; null means any. */
    public record PointFilter(Boolean active, String leader, String country, String city) {
    }

    private final Leaders leaders;
    private final PickupPoints points;
    private final GroupBuyOffers offers;
    private final Catalog catalog;
    private final LeaderLogins logins;
    private final Clock clock;
    private final UniqueCodes codes;
    private final ReceiptLeaders receipts;

    GroupBuyCatalog(Leaders leaders, PickupPoints points, GroupBuyOffers offers, Catalog catalog, LeaderLogins logins,
            Clock clock, UniqueCodes codes, ReceiptLeaders receipts) {
        this.codes = codes;
        this.receipts = receipts;
        this.leaders = leaders;
        this.points = points;
        this.offers = offers;
        this.catalog = catalog;
        this.logins = logins;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<LeaderDetails> leaders(Boolean active, Pageable page) {
        Specification<Leader> where = (root, query, cb) -> active == null ? cb.conjunction()
                : cb.equal(root.get("active"), active);
        return leaders.findAll(where, page).map(LeaderDetails::of);
    }

    @Transactional(readOnly = true)
    public LeaderDetails leader(String code) {
        return LeaderDetails.of(leaders.byCode(code));
    }

    /**
     * Only with a login the engine knows, in the leaders group: the leader's tasks go to it. In a transaction of its
     * own: the same code sent twice at the same moment is one 201 and a 409 (UniqueCodes).
     */
    public LeaderDetails addLeader(String code, LeaderData d) {
        Supplier<GroupBuyProblem> taken = () -> GroupBuyProblem.duplicate("leader " + code + " exists already");
        return codes.create(() -> {
            if (leaders.findByCode(code).isPresent()) {
                throw taken.get();
            }
            requireLogin(d.userId());
            Leader leader = new Leader(code, d.name(), d.phone(), d.email(), d.userId(), d.commissionRate(),
                    clock.instant());
            leader.change(d.name(), d.phone(), d.email(), d.userId(), d.commissionRate(), d.active(), clock.instant());
            return LeaderDetails.of(leaders.saveAndFlush(leader));
        }, () -> leaders.findByCode(code).isPresent(), taken);
    }

    @Transactional
    public LeaderDetails changeLeader(String code, LeaderData d, long version) {
        Leader leader = leaders.byCode(code);
        requireVersion("leader " + code, version, leader.getVersion());
        if (says(leader, d)) {
            return LeaderDetails.of(leader);
        }
        if (!leader.isUser(d.userId())) {
            requireLogin(d.userId());
        }
        String formerLogin = leader.getUserId();
        String formerActing = leader.isActive() ? formerLogin : null;
        leader.change(d.name(), d.phone(), d.email(), d.userId(), d.commissionRate(), d.active(), clock.instant());
        LeaderDetails changed = LeaderDetails.of(leaders.saveAndFlush(leader));
        receipts.leaderChanged(leader, formerLogin, formerActing);
        return changed;
    }

    @Transactional(readOnly = true)
    public Page<PickupPointDetails> points(PointFilter filter, Pageable page) {
        Specification<PickupPoint> where = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.active() != null) {
                all.add(cb.equal(root.get("active"), filter.active()));
            }
            if (filter.leader() != null) {
                all.add(cb.equal(root.get("leader").get("code"), filter.leader()));
            }
            if (filter.country() != null) {
                all.add(cb.equal(root.get("country"), filter.country()));
            }
            if (filter.city() != null) {
                all.add(cb.equal(root.get("city"), filter.city()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return points.findAll(where, page).map(PickupPointDetails::of);
    }

    @Transactional(readOnly = true)
    public PickupPointDetails point(String code) {
        return PickupPointDetails.of(points.byCode(code));
    }

    /** In a transaction of its own: the same code sent twice at the same moment is one 201 and a 409 (UniqueCodes). */
    public PickupPointDetails addPoint(String code, PickupPointData given) {
        PickupPointData d = withRegionAsStored(given, null);
        Supplier<GroupBuyProblem> taken = () -> GroupBuyProblem.duplicate("pickup point " + code + " exists already");
        return codes.create(() -> {
            if (points.findByCode(code).isPresent()) {
                throw taken.get();
            }
            PickupPoint point = new PickupPoint(code, d.address(), zone(d.timeZone()), leaderFor(d.leader()),
                    clock.instant());
            point.change(d.address(), zone(d.timeZone()), leaderFor(d.leader()), d.active(), clock.instant());
            return PickupPointDetails.of(points.saveAndFlush(point));
        }, () -> points.findByCode(code).isPresent(), taken);
    }

    @Transactional
    public PickupPointDetails changePoint(String code, PickupPointData given, long version) {
        PickupPoint point = points.byCode(code);
        requireVersion("pickup point " + code, version, point.getVersion());
        PickupPointData d = withRegionAsStored(given, point.address());
        ZoneId zone = zone(d.timeZone());
        Leader leader = leaderFor(d.leader());
        if (says(point, d.address(), zone, leader, d.active())) {
            return PickupPointDetails.of(point);
        }
        String formerLogin = point.getLeader().getUserId();
        String formerActing = point.actingUser().orElse(null);
        point.change(d.address(), zone, leader, d.active(), clock.instant());
        PickupPointDetails changed = PickupPointDetails.of(points.saveAndFlush(point));
        receipts.pointChanged(point, formerLogin, formerActing);
        return changed;
    }

    @Transactional(readOnly = true)
    public Page<OfferDetails> offers(Boolean active, Pageable page) {
        Specification<GroupBuyOffer> where = (root, query, cb) -> active == null ? cb.conjunction()
                : cb.equal(root.get("active"), active);
        return offers.findAll(where, page).map(OfferDetails::of);
    }

    @Transactional(readOnly = true)
    public OfferDetails offer(String sku) {
        return OfferDetails.of(offers.findBySku(sku).orElseThrow(() -> NotFound.of("group-buy offer", sku)));
    }

    /** Only an SKU some supplier offers: the batch's purchase orders are placed from the supplier catalog. */
    @Transactional
    public OfferDetails addOffer(String sku, int stockCap, boolean active) {
        if (offers.findBySku(sku).isPresent()) {
            throw GroupBuyProblem.duplicate("SKU " + sku + " is offered for group buying already");
        }
        if (!catalog.isOffered(sku)) {
            throw GroupBuyProblem.invalid("sku", "is " + sku + ", which no supplier offers: add a supplier's offer first");
        }
        GroupBuyOffer offer = new GroupBuyOffer(sku, stockCap, clock.instant());
        offer.change(stockCap, active, clock.instant());
        return OfferDetails.of(offers.saveAndFlush(offer));
    }

    @Transactional
    public OfferDetails changeOffer(String sku, int stockCap, boolean active, long version) {
        GroupBuyOffer offer = offers.findBySku(sku).orElseThrow(() -> NotFound.of("group-buy offer", sku));
        requireVersion("group-buy offer " + sku, version, offer.getVersion());
        if (offer.getStockCap() == stockCap && offer.isActive() == active) {
            return OfferDetails.of(offer);
        }
        offer.change(stockCap, active, clock.instant());
        return OfferDetails.of(offers.saveAndFlush(offer));
    }

    /*
     * A change that changes nothing is not made: the version and updatedAt stay, so a sync sending
     * unchanged data makes no other editor's change stale (as a supplier offer, CatalogMaintenance).
     */

    private static boolean says(Leader l, LeaderData d) {
        return Objects.equals(l.getName(), d.name()) && Objects.equals(l.getPhone(), d.phone())
                && Objects.equals(l.getEmail(), d.email()) && l.isUser(d.userId())
                && l.getCommissionRate().compareTo(d.commissionRate()) == 0 && l.isActive() == d.active();
    }

    private static boolean says(PickupPoint p, PickupPoint.Address address, ZoneId zone, Leader leader, boolean active) {
        return p.address().equals(address) && p.getTimeZone().equals(zone.getId())
                && p.getLeader().getId().equals(leader.getId()) && p.isActive() == active;
    }

    private void requireLogin(String userId) {
        logins.problemWith(userId).ifPresent(problem -> {
            throw GroupBuyProblem.invalid("userId", "is " + userId + ", which cannot be a leader's login: " + problem);
        });
    }

    /**
     * A point in China names its region as group-buy-cutoff.dmn reads it ("Xinjiang" for "新疆", "xinjiang", "CN-XJ"):
     * a spelling the table does not know got the default terms instead of the region's. One of no provincial-level
     * division is a 400 naming them when the request sets it: a point stored before regions were checked with one that
     * is none (a city, "Urumqi") keeps it while a change leaves its region and country China as they are, so that it can
     * still be deactivated or given another leader (review s16 part 2, F7); it reads the default terms, as before, until
     * its region is corrected. A point in China names a region (explore s17, D5): one without is a 400 listing them, but
     * for a point stored without one before, while a change does not set it. Other countries' regions are free text.
     *
     * @param stored the point's address before this change; null for a new point
     */
    private static PickupPointData withRegionAsStored(PickupPointData d, PickupPoint.Address stored) {
        PickupPoint.Address a = d.address();
        boolean none = a.region() == null || a.region().isBlank();
        boolean storedNone = stored != null && ChinaRegion.in(stored.country())
                && (stored.region() == null || stored.region().isBlank());
        if (ChinaRegion.in(a.country()) && none && !storedNone) {
            // explore s17, D5: a point in China without a region got the table's default terms (also in Urumqi)
            throw GroupBuyProblem.invalid("region", "is missing: a pickup point in China names its provincial-level"
                    + " division, as group-buy-cutoff.dmn decides by it; give its English or Chinese name or its ISO"
                    + " 3166-2 code, one of " + ChinaRegion.listed());
        }
        String region = ChinaRegion.asStored(a.country(), a.region(), unknown -> {
            if (stored != null && ChinaRegion.in(stored.country()) && unknown.equals(stored.region())) {
                return unknown;
            }
            throw GroupBuyProblem.invalid("region", "is " + unknown + ", which is no provincial-level division of China:"
                    + " give its English or Chinese name or its ISO 3166-2 code, one of " + ChinaRegion.listed());
        });
        return new PickupPointData(new PickupPoint.Address(a.name(), a.line1(), a.line2(), a.city(), a.postalCode(),
                region, a.country()), d.timeZone(), d.leader(), d.active());
    }

    private Leader leaderFor(String code) {
        return leaders.findByCode(code).orElseThrow(() -> GroupBuyProblem.invalid("leader", "is " + code + ": there is no leader " + code));
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw GroupBuyProblem.invalid("timeZone", timeZone + " is not a time zone (use an id like Asia/Shanghai)");
        }
    }

    private static void requireVersion(String what, long expected, long actual) {
        if (expected != actual) {
            throw GroupBuyProblem.staleVersion(what, expected, actual);
        }
    }
}
