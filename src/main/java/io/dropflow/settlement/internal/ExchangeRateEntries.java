package io.dropflow.settlement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRateEntries extends JpaRepository<ExchangeRateEntry, Long> {

    /** The rate of the pair valid at {@code at}: the latest that started no later. */
    Optional<ExchangeRateEntry> findFirstByBaseCurrencyAndQuoteCurrencyAndValidFromLessThanEqualOrderByValidFromDesc(
            String base, String quote, Instant at);

    List<ExchangeRateEntry> findByBaseCurrencyAndQuoteCurrencyOrderByValidFromDesc(String base, String quote);

    Optional<ExchangeRateEntry> findByBaseCurrencyAndQuoteCurrencyAndValidFrom(String base, String quote, Instant validFrom);
}
