package io.dropflow.groupbuy.internal;

import io.dropflow.carrier.Consignee;
import io.dropflow.order.ShippingAddress;
import io.dropflow.supplier.SupplierGateway;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Where a neighbourhood's group-buy orders are delivered and collected (自提点), run by its leader.
 * Its time zone is the cutoff's.
 */
@Entity
@Table(name = "pickup_point")
public class PickupPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private String line1;
    private String line2;
    private String city;
    private String postalCode;
    private String region;
    private String country;
    private String timeZone;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "leader_id")
    private Leader leader;
    private boolean active = true;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected PickupPoint() {
    }

    public PickupPoint(String code, Address address, ZoneId zone, Leader leader, Instant now) {
        this.code = code;
        this.createdAt = now;
        change(address, zone, leader, true, now);
    }

    /** Name and address of a pickup point. */
    public record Address(String name, String line1, String line2, String city, String postalCode, String region,
            String country) {
    }

    public void change(Address address, ZoneId zone, Leader leader, boolean active, Instant now) {
        this.name = address.name();
        this.line1 = address.line1();
        this.line2 = address.line2();
        this.city = address.city();
        this.postalCode = address.postalCode();
        this.region = address.region();
        this.country = address.country();
        this.timeZone = zone.getId();
        this.leader = leader;
        this.active = active;
        this.updatedAt = now;
    }

    /** Whether {@code user} acts for this point: the login of its leader, who is active. */
    public boolean isLedBy(String user) {
        return leader.isActingUser(user);
    }

    /** The login that acts for this point now ({@link #isLedBy}): its leader's, while the leader is active; else none. */
    public java.util.Optional<String> actingUser() {
        return leader.isActive() ? java.util.Optional.of(leader.getUserId()) : java.util.Optional.empty();
    }

    /** Takes orders: the point is active, and so is its leader (an inactive leader leads no new batch). */
    public boolean takesOrders() {
        return active && leader.isActive();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The point's address as a group-buy order stores it (its goods go there). */
    public ShippingAddress shippingAddress() {
        return new ShippingAddress(name, line1, line2, city, postalCode, region, country);
    }

    /** Where suppliers ship a batch: the point, for its leader (blind shipping: the sender is the seller). */
    public SupplierGateway.Address shipTo() {
        return new SupplierGateway.Address(name + " (" + leader.getName() + ")", line1, line2, postalCode, city, region,
                country, leader.getPhone());
    }

    /** What a carrier may ask of the consignee of a parcel shipped here: the leader's phone, the point's postal code and country. */
    public Consignee consignee() {
        return new Consignee(leader.getPhone(), postalCode, country);
    }

    public Address address() {
        return new Address(name, line1, line2, city, postalCode, region, country);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getCity() { return city; }
    public String getRegion() { return region; }
    public String getCountry() { return country; }
    public String getTimeZone() { return timeZone; }
    public Leader getLeader() { return leader; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
