package io.dropflow.carrier;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Shipments extends JpaRepository<Shipment, Long> {

    Optional<Shipment> findByCarrierCodeAndTrackingNumber(String carrierCode, String trackingNumber);

    List<Shipment> findByOrderIdOrderById(Long orderId);
}
