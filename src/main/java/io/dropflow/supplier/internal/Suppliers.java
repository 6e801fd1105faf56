package io.dropflow.supplier.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Suppliers extends JpaRepository<Supplier, Long> {

    Optional<Supplier> findByCode(String code);
}
