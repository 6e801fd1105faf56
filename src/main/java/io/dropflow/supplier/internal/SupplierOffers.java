package io.dropflow.supplier.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface SupplierOffers extends JpaRepository<SupplierOffer, Long>, JpaSpecificationExecutor<SupplierOffer> {

    /** What supplier selection may choose from: offered, by an active supplier (not suspended, not an applicant). */
    @Query("select o from SupplierOffer o join fetch o.supplier s where o.sku in :skus and o.active = true"
            + " and s.status = io.dropflow.supplier.SupplierStatus.ACTIVE")
    List<SupplierOffer> findActiveBySkuIn(Collection<String> skus);

    @Query("select case when count(o) > 0 then true else false end from SupplierOffer o where o.sku = :sku")
    boolean existsBySku(String sku);

    List<SupplierOffer> findBySupplierId(Long supplierId);

    List<SupplierOffer> findBySupplierIdOrderBySku(Long supplierId);

    @Query("select o from SupplierOffer o where o.supplier.id = :supplierId and o.sku = :sku")
    Optional<SupplierOffer> findBySupplierIdAndSku(Long supplierId, String sku);

    Optional<SupplierOffer> findFirstBySupplierIdAndSupplierSku(Long supplierId, String supplierSku);
}
