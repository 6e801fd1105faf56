package io.dropflow.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public record Consumer(
        @Column(name = "consumer_name") String name,
        @Column(name = "consumer_email") String email,
        @Column(name = "consumer_phone") String phone) {
}
