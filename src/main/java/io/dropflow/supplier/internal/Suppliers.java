package io.dropflow.supplier.internal;

import io.dropflow.supplier.SupplierStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Suppliers extends JpaRepository<Supplier, Long>, JpaSpecificationExecutor<Supplier> {

    @Query("select s from Supplier s where s.code = :code")
    Optional<Supplier> findByCode(String code);

    boolean existsByCode(String code);

    List<Supplier> findByStatus(SupplierStatus status);
}
