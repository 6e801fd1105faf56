package io.dropflow.supplier.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface SupplierOffers extends JpaRepository<SupplierOffer, Long>, JpaSpecificationExecutor<SupplierOffer> {

    /**
     * What supplier selection may choose from for one SKU: offered, by an active supplier (not
     * suspended, not an applicant). One SKU, not a list: Hibernate 6.6 keeps no translation of a
     * query with a list parameter ({@code sku in :skus}) and translated it again at every call.
     */
    @Query("select o from SupplierOffer o join fetch o.supplier s where o.sku = :sku and o.active = true"
            + " and s.status = io.dropflow.supplier.SupplierStatus.ACTIVE")
    List<SupplierOffer> findActiveBySku(String sku);

    /**
     * The offers of these SKUs, switched on, of suppliers now suspended ({@code Catalog.suspendedOffering}): one
     * statement for an order's SKUs, asked in every ranking (review s15 G2).
     */
    @Query("select o from SupplierOffer o join fetch o.supplier s where o.sku in :skus and o.active = true"
            + " and s.status = io.dropflow.supplier.SupplierStatus.SUSPENDED")
    List<SupplierOffer> findSuspendedBySkuIn(java.util.Collection<String> skus);

    @Query("select case when count(o) > 0 then true else false end from SupplierOffer o where o.sku = :sku")
    boolean existsBySku(String sku);

    List<SupplierOffer> findBySupplierId(Long supplierId);

    List<SupplierOffer> findBySupplierIdOrderBySku(Long supplierId);

    @Query("select o from SupplierOffer o where o.supplier.id = :supplierId and o.sku = :sku")
    Optional<SupplierOffer> findBySupplierIdAndSku(Long supplierId, String sku);

    Optional<SupplierOffer> findFirstBySupplierIdAndSupplierSku(Long supplierId, String supplierSku);
}
