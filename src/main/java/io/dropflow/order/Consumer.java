package io.dropflow.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who ordered, as the storefront knows them; the phone goes on the parcel's label. */
@Embeddable
public record Consumer(
        @Column(name = "consumer_name") String name,
        @Column(name = "consumer_email") String email,
        @Column(name = "consumer_phone") String phone) {
}
