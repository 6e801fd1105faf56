package io.dropflow.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the parcel goes, as the consumer gave it to the storefront. */
@Embeddable
public record ShippingAddress(
        @Column(name = "ship_name") String name,
        @Column(name = "ship_line1") String line1,
        @Column(name = "ship_line2") String line2,
        @Column(name = "ship_city") String city,
        @Column(name = "ship_postal_code") String postalCode,
        @Column(name = "ship_region") String region,
        @Column(name = "ship_country") String country) {
}
