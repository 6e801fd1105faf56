package io.dropflow.supplier;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Suppliers extends JpaRepository<Supplier, Long> {

    Optional<Supplier> findByCode(String code);
}
