package io.dropflow.settlement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExchangeRateEntries extends JpaRepository<ExchangeRateEntry, Long> {

    /** The rate of the pair valid at {@code at}: the latest that started no later. */
    default Optional<ExchangeRateEntry> rateValidAt(String base, String quote, Instant at) {
        return validAt(base, quote, at, Limit.of(1)).stream().findFirst();
    }

    /** JPQL, not a derived query: Hibernate 6.6 caches a query string's plan, not a criteria query's. */
    @Query("select r from ExchangeRateEntry r where r.baseCurrency = :base and r.quoteCurrency = :quote"
            + " and r.validFrom <= :at order by r.validFrom desc")
    List<ExchangeRateEntry> validAt(String base, String quote, Instant at, Limit limit);

    List<ExchangeRateEntry> findByBaseCurrencyAndQuoteCurrencyOrderByValidFromDesc(String base, String quote);

    /** Whether any rate of the pair, in this direction, is kept. */
    @Query("select count(r) > 0 from ExchangeRateEntry r where r.baseCurrency = :base and r.quoteCurrency = :quote")
    boolean keepsAny(String base, String quote);

    Optional<ExchangeRateEntry> findByBaseCurrencyAndQuoteCurrencyAndValidFrom(String base, String quote, Instant validFrom);
}
