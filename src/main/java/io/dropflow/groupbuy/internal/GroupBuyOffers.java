package io.dropflow.groupbuy.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The SKUs offered for group buying. */
public interface GroupBuyOffers extends JpaRepository<GroupBuyOffer, Long>, JpaSpecificationExecutor<GroupBuyOffer> {

    Optional<GroupBuyOffer> findBySku(String sku);

    List<GroupBuyOffer> findBySkuIn(Collection<String> skus);
}
