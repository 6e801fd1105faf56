package io.dropflow.supplier.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupplierOffers extends JpaRepository<SupplierOffer, Long> {

    @Query("select o from SupplierOffer o join fetch o.supplier s where o.sku in :skus and s.active = true")
    List<SupplierOffer> findActiveBySkuIn(Collection<String> skus);

    boolean existsBySku(String sku);

    List<SupplierOffer> findBySupplierId(Long supplierId);
}
