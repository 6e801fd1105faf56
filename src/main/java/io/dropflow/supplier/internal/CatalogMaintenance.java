package io.dropflow.supplier.internal;

import io.dropflow.supplier.OfferReport;
import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierStatus;
import io.dropflow.web.NotFound;
import io.dropflow.web.UniqueCodes;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller's catalog as the seller keeps it: suppliers created, changed, suspended and
 * reactivated; offers added, changed, imported in bulk and exported. Every change names the
 * version it was made to, so two people editing the same row never lose one change silently.
 */
@Service
class CatalogMaintenance {

    private static final Logger log = LoggerFactory.getLogger(CatalogMaintenance.class);

    record NewSupplier(String code, String name, String region, int score, int tier, String contactEmail) {
    }

    record SupplierChanges(String name, String region, int score, int tier, String contactEmail, long version) {
    }

    /** Filters of the supplier list; null means any. */
    record SupplierFilter(SupplierStatus status, String region, Integer tier, Boolean flagged) {
    }

    /** Filters of the offer list; null means any. */
    record OfferFilter(String supplierCode, String sku, String category, Boolean active) {
    }

    private final Suppliers suppliers;
    private final SupplierOffers offers;
    private final Scorecards scorecards;
    private final Clock clock;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final UniqueCodes codes;
    private final SupplierBindings bindings;

    CatalogMaintenance(Suppliers suppliers, SupplierOffers offers, Scorecards scorecards, Clock clock,
            org.springframework.jdbc.core.JdbcTemplate jdbc, UniqueCodes codes, SupplierBindings bindings) {
        this.codes = codes;
        this.bindings = bindings;
        this.suppliers = suppliers;
        this.offers = offers;
        this.scorecards = scorecards;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** In a transaction of its own: the same code sent twice at the same moment is one 201 and a 409 (UniqueCodes). */
    SupplierDetails create(NewSupplier s) {
        return codes.create(() -> {
            if (suppliers.existsByCode(s.code())) {
                throw taken(s.code());
            }
            return details(suppliers.saveAndFlush(new Supplier(s.code(), s.name(), s.region(), s.score(), s.tier(),
                    s.contactEmail(), clock.instant())));
        }, () -> suppliers.existsByCode(s.code()), () -> taken(s.code()));
    }

    private static CatalogProblem taken(String code) {
        return CatalogProblem.duplicate("a supplier with code " + code + " exists already");
    }

    @Transactional(readOnly = true)
    SupplierDetails supplier(String code) {
        return details(find(code));
    }

    @Transactional
    SupplierDetails change(String code, SupplierChanges c) {
        Supplier supplier = find(code);
        notAnApplicant(supplier, "its details and terms come from its application and agreement");
        expectVersion("supplier " + code, c.version(), supplier.getVersion());
        supplier.change(c.name(), c.region(), c.score(), c.tier(), c.contactEmail(), clock.instant());
        return details(suppliers.saveAndFlush(supplier));
    }

    /**
     * No new purchase orders go to a suspended supplier; those it has keep running. Suspending again for
     * the same reason changes nothing; for another reason it is refused, naming the reason that stands,
     * rather than answered as if taken. An applicant is not suspended: its onboarding decides about it.
     */
    @Transactional
    SupplierDetails suspend(String code, String reason) {
        Supplier supplier = find(code);
        notAnApplicant(supplier);
        if (supplier.getStatus() == SupplierStatus.SUSPENDED && !java.util.Objects.equals(supplier.getSuspensionReason(),
                reason)) {
            throw CatalogProblem.suspendedAlready("supplier " + code + " is suspended already because \""
                    + supplier.getSuspensionReason() + "\": lift the suspension (DELETE) to suspend it for another reason");
        }
        supplier.suspend(reason, clock.instant());
        return details(suppliers.saveAndFlush(supplier));
    }

    @Transactional
    SupplierDetails reactivate(String code) {
        Supplier supplier = find(code);
        notAnApplicant(supplier);
        supplier.reactivate(clock.instant());
        return details(suppliers.saveAndFlush(supplier));
    }

    /**
     * Suppliers matching the filter, a page of them. Whether a supplier is flagged is its
     * scorecard's verdict, computed, not stored (reused as supplier selection reuses it, at most
     * {@code dropflow.scorecard.reuse-for} old): with that filter the page is cut from the
     * filtered list (a seller has hundreds of suppliers, not millions).
     */
    @Transactional(readOnly = true)
    Page<SupplierDetails> suppliers(SupplierFilter filter, Pageable page) {
        Specification<Supplier> where = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.status() != null) {
                all.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.region() != null) {
                all.add(cb.equal(root.get("region"), filter.region()));
            }
            if (filter.tier() != null) {
                all.add(cb.equal(root.get("tier"), filter.tier()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        if (filter.flagged() == null) {
            return suppliers.findAll(where, page).map(this::listed);
        }
        List<SupplierDetails> matching = suppliers.findAll(where, page.getSort()).stream().map(this::listed)
                .filter(d -> d.flagged() == filter.flagged()).toList();
        int from = (int) Math.min(page.getOffset(), matching.size());
        int to = Math.min(from + page.getPageSize(), matching.size());
        return new PageImpl<>(matching.subList(from, to), page, matching.size());
    }

    @Transactional
    OfferDetails addOffer(String supplierCode, String sku, OfferTerms terms) {
        Supplier supplier = find(supplierCode);
        notAnApplicant(supplier, OFFERS_OF_ITS_AGREEMENT);
        CatalogRules.requireValid(sku, terms);
        if (offers.findBySupplierIdAndSku(supplier.getId(), sku).isPresent()) {
            throw CatalogProblem.duplicate(supplierCode + " offers " + sku + " already: change that offer instead");
        }
        refuseTakenSupplierSku(supplier, sku, terms.supplierSku());
        refuseSecondCurrency(supplier, sku, terms.currency(), null);
        return saved(new SupplierOffer(supplier, sku, terms, clock.instant()), supplierCode);
    }

    /**
     * A supplier's offers are in one currency, its purchase orders' (one purchase order has one currency): an offer
     * in another currency than the supplier's other offers is refused (400 naming {@code currency}). An order needing
     * offers of one supplier in two currencies read out of stock, its task "none has stock" (exploratory test,
     * session 12). An offer that keeps the currency it has is taken: a supplier whose offers were in two currencies
     * before this rule keeps them until they are changed (sourcing leaves it out of an order needing both, saying
     * why). A supplier changes its currency by an import of all its offers in the new one.
     *
     * @param currencyBefore the offer's currency before the change; null for a new offer
     */
    private void refuseSecondCurrency(Supplier supplier, String sku, String currency, String currencyBefore) {
        secondCurrency(supplier.getCode(), currency, currencyBefore, offers.findBySupplierId(supplier.getId()).stream()
                .filter(o -> !o.getSku().equals(sku)).map(o -> o.terms().currency()).toList())
                .ifPresent(problem -> {
                    throw new io.dropflow.web.InvalidRequest("Invalid catalog entry",
                            List.of(new io.dropflow.web.InvalidRequest.FieldError("currency", problem)));
                });
    }

    /** Why an offer in {@code currency} may not join offers in {@code others}; empty when it may. */
    private static java.util.Optional<String> secondCurrency(String supplierCode, String currency,
            String currencyBefore, java.util.Collection<String> others) {
        java.util.SortedSet<String> theirs = new java.util.TreeSet<>(others);
        if (currency == null || currency.equals(currencyBefore) || theirs.isEmpty() || theirs.equals(java.util.Set.of(currency))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("'" + currency + "' is not " + supplierCode + "'s currency: its other offers are"
                + " priced in " + String.join(" and ", theirs) + ", and a supplier's offers are in one currency (one"
                + " purchase order has one); to change its currency, import all of its offers in the new one");
    }

    /** A supplier SKU is one offer's: another offer of the supplier with it is refused (409, naming that offer). */
    private void refuseTakenSupplierSku(Supplier supplier, String sku, String supplierSku) {
        offers.findFirstBySupplierIdAndSupplierSku(supplier.getId(), supplierSku)
                .filter(other -> !other.getSku().equals(sku))
                .ifPresent(other -> {
                    throw CatalogProblem.supplierSkuTaken(supplier.getCode(), supplierSku, other.getSku());
                });
    }

    /**
     * Writes the offer now; the unique indexes on (supplier, sku) and (supplier, supplier SKU) refusing it
     * means another request made such an offer first.
     */
    private OfferDetails saved(SupplierOffer offer, String supplierCode) {
        try {
            return OfferDetails.of(offers.saveAndFlush(offer));
        } catch (DataIntegrityViolationException takenMeanwhile) {
            throw CatalogProblem.duplicate("another change gave " + supplierCode + " an offer of " + offer.getSku()
                    + " or of supplier SKU " + offer.getSupplierSku() + " at the same moment: read its offers again");
        }
    }

    @Transactional(readOnly = true)
    OfferDetails offer(String supplierCode, String sku) {
        return OfferDetails.of(findOffer(find(supplierCode), sku));
    }

    @Transactional
    OfferDetails changeOffer(String supplierCode, String sku, OfferTerms terms, long version) {
        Supplier supplier = find(supplierCode);
        notAnApplicant(supplier, OFFERS_OF_ITS_AGREEMENT);
        SupplierOffer offer = findOffer(supplier, sku);
        expectVersion(supplierCode + "'s offer of " + sku, version, offer.getVersion());
        CatalogRules.requireValid(sku, terms);
        refuseTakenSupplierSku(supplier, sku, terms.supplierSku());
        refuseSecondCurrency(supplier, sku, terms.currency(), offer.terms().currency());
        offer.change(terms, clock.instant());
        return saved(offer, supplierCode);
    }

    @Transactional(readOnly = true)
    Page<OfferDetails> offers(OfferFilter filter, Pageable page) {
        Specification<SupplierOffer> where = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.supplierCode() != null) {
                all.add(cb.equal(root.get("supplier").get("code"), filter.supplierCode()));
            }
            if (filter.sku() != null) {
                all.add(cb.equal(root.get("sku"), filter.sku()));
            }
            if (filter.category() != null) {
                all.add(cb.equal(root.get("category"), filter.category()));
            }
            if (filter.active() != null) {
                all.add(cb.equal(root.get("active"), filter.active()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return offers.findAll(where, page).map(OfferDetails::of);
    }

    /** What an import did: rows that made new offers, changed offers, changed nothing, or were refused. */
    record ImportReport(int created, int changed, int unchanged, List<OfferImport.RowProblem> refused) {
    }

    /**
     * Applies the good rows of an import in one transaction: a new SKU makes an offer, a known one
     * takes the row's terms. A row equal to its offer changes nothing, so importing a file twice
     * changes nothing the second time. Refused rows are reported, never half applied: so is a row whose
     * supplier SKU another offer of the supplier had before the import, or an earlier row gave another
     * SKU (one import never moves a supplier SKU from one offer to another: the unique index would see
     * it taken twice on the way), and a row in another currency than the supplier's offers have after the
     * import ({@link #refusals}, {@link #refuseSecondCurrency}).
     */
    @Transactional
    ImportReport importOffers(String supplierCode, OfferImport.Parsed parsed) {
        Supplier supplier = find(supplierCode);
        notAnApplicant(supplier, OFFERS_OF_ITS_AGREEMENT);
        Map<String, SupplierOffer> existing = new HashMap<>();
        Map<String, String> skuBySupplierSku = new HashMap<>();
        offers.findBySupplierId(supplier.getId()).forEach(o -> {
            existing.put(o.getSku(), o);
            skuBySupplierSku.put(o.getSupplierSku(), o.getSku());
        });
        Instant now = clock.instant();
        int created = 0;
        int changed = 0;
        List<OfferImport.RowProblem> refused = new ArrayList<>(parsed.refused());
        List<SupplierOffer> toSave = new ArrayList<>();
        Map<OfferImport.Row, String> refusals = refusals(supplierCode, parsed.rows(), existing, skuBySupplierSku);
        for (OfferImport.Row row : parsed.rows()) {
            String refusal = refusals.get(row);
            if (refusal != null) {
                refused.add(new OfferImport.RowProblem(row.line(), row.sku(), refusal));
                continue;
            }
            SupplierOffer offer = existing.get(row.sku());
            if (offer == null) {
                toSave.add(new SupplierOffer(supplier, row.sku(), row.terms(), now));
                created++;
            } else if (offer.change(row.terms(), now)) {
                toSave.add(offer);
                changed++;
            }
        }
        try {
            offers.saveAll(toSave);
            offers.flush();
        } catch (DataIntegrityViolationException takenMeanwhile) {
            throw CatalogProblem.duplicate("another change gave " + supplierCode + " offers of this import's SKUs or "
                    + "supplier SKUs at the same moment: nothing was imported; read its offers and import again");
        }
        refused.sort(java.util.Comparator.comparingInt(OfferImport.RowProblem::line));
        int applied = parsed.rows().size() - (refused.size() - parsed.refused().size());
        return new ImportReport(created, changed, applied - created - changed, List.copyOf(refused));
    }

    /**
     * Why each row of an import that is refused is refused (rows taken are absent). The currencies the
     * supplier's offers are in after the import are those of the offers it leaves alone, of the offers whose
     * row keeps their currency (taken or refused, they are in it afterwards: exploratory test s15 D1, where a
     * row moving MIX-A to USD was taken beside MIX-B's row keeping EUR), of the offers whose row changing it
     * is refused, and of the rows taken that change it (a new offer, or another currency): a row changing
     * its offer's currency, or making one, is refused when another of these is in another currency, whatever
     * the rows' order. A row refused turns its offer's currency into one that stays, so the rows are decided
     * again with it until no more stay (at most once per currency).
     */
    private static Map<OfferImport.Row, String> refusals(String supplierCode, List<OfferImport.Row> rows,
            Map<String, SupplierOffer> existing, Map<String, String> skuBySupplierSku) {
        java.util.Set<String> imported = new java.util.HashSet<>();
        rows.forEach(row -> imported.add(row.sku()));
        java.util.Set<String> staying = new java.util.HashSet<>();
        existing.values().stream().filter(o -> !imported.contains(o.getSku())).forEach(o -> staying.add(o.terms().currency()));
        for (OfferImport.Row row : rows) {
            SupplierOffer before = existing.get(row.sku());
            if (before != null && before.terms().currency().equals(row.terms().currency())) {
                staying.add(row.terms().currency());
            }
        }
        while (true) {
            Map<OfferImport.Row, String> refusals = new java.util.HashMap<>();
            Map<String, String> holders = new HashMap<>(skuBySupplierSku);
            java.util.Set<String> currencies = new java.util.HashSet<>(staying);
            java.util.Set<String> stayingMore = new java.util.HashSet<>();
            for (OfferImport.Row row : rows) {
                SupplierOffer before = existing.get(row.sku());
                String currencyBefore = before == null ? null : before.terms().currency();
                java.util.Optional<String> secondCurrency = secondCurrency(supplierCode, row.terms().currency(),
                        currencyBefore, currencies);
                String holder = secondCurrency.isPresent() ? null
                        : holders.putIfAbsent(row.terms().supplierSku(), row.sku());
                if (secondCurrency.isPresent()) {
                    refusals.put(row, "currency " + secondCurrency.get());
                } else if (holder != null && !holder.equals(row.sku())) {
                    refusals.put(row, CatalogProblem.supplierText(supplierCode, row.terms().supplierSku(), holder));
                } else {
                    currencies.add(row.terms().currency());
                    continue;
                }
                if (currencyBefore != null && !staying.contains(currencyBefore)) {
                    stayingMore.add(currencyBefore); // refused, it keeps its own
                }
            }
            if (stayingMore.isEmpty()) {
                return refusals;
            }
            staying.addAll(stayingMore);
        }
    }

    @Transactional(readOnly = true)
    List<OfferImport.Row> offersOf(String supplierCode) {
        return offers.findBySupplierIdOrderBySku(find(supplierCode).getId()).stream()
                .map(o -> new OfferImport.Row(0, o.getSku(), o.terms())).toList();
    }

    /**
     * A supplier tells us stock levels or prices of its SKUs (through its webhook), all applied or,
     * when one makes an offer invalid, none. A push made before the one applied last to an offer came
     * late: that offer keeps what the newer push said (logged, and named in the outcome), the push is
     * still taken.
     * @param pushedAt when the supplier made the push
     * @param reports in the order they were reported; several for one supplier SKU apply in that order
     * @return the supplier SKUs no offer of the supplier has (reported back, not guessed at), and those left as stale
     */
    @Transactional
    OfferReport.Taken supplierReported(String supplierCode, Instant pushedAt, List<OfferReport> reports) {
        return reported(supplierCode, pushedAt, reports, i -> "");
    }

    /**
     * As {@link #supplierReported}; a value that is not valid is a 400 naming the report it came from by
     * {@code at} its index: {@code offers[0].supplyPrice} in a push, as its bean validation names it.
     */
    private OfferReport.Taken reported(String supplierCode, Instant pushedAt, List<OfferReport> reports,
            java.util.function.IntFunction<String> at) {
        Map<String, Function<OfferTerms, OfferTerms>> updates = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> givenAt = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            OfferReport r = reports.get(i);
            String where = at.apply(i);
            updates.merge(r.supplierSku(), t -> applied(r, t, where), Function::andThen);
            Map<String, Integer> fields = givenAt.computeIfAbsent(r.supplierSku(), sku -> new java.util.HashMap<>());
            fields.putIfAbsent("", i);
            if (r.stock() != null) {
                fields.put("stock", i);
            }
            if (r.supplyPrice() != null) {
                fields.put("supplyPrice", i);
                fields.put("currency", i);
            }
        }
        Supplier supplier = find(supplierCode);
        List<String> unknown = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Instant now = clock.instant();
        updates.forEach((supplierSku, update) -> offers.findFirstBySupplierIdAndSupplierSku(supplier.getId(), supplierSku)
                .ifPresentOrElse(offer -> {
                    if (offer.holdsNewerPushThan(pushedAt)) {
                        stale.add(supplierSku);
                        return;
                    }
                    OfferTerms terms = update.apply(offer.terms());
                    Map<String, Integer> fields = givenAt.get(supplierSku);
                    List<io.dropflow.web.InvalidRequest.FieldError> problems = CatalogRules.problemsOf(offer.getSku(), terms)
                            .stream().map(p -> new io.dropflow.web.InvalidRequest.FieldError(p.field() == null ? null
                                    : at.apply(fields.getOrDefault(p.field(), fields.get(""))) + p.field(), p.message()))
                            .toList();
                    if (!problems.isEmpty()) {
                        throw new io.dropflow.web.InvalidRequest("Invalid catalog entry", problems);
                    }
                    offer.pushed(terms, pushedAt, now);
                }, () -> unknown.add(supplierSku)));
        if (!stale.isEmpty()) {
            log.info("Supplier {}: push made at {} ignored as stale for supplier SKUs {}: their offers hold a newer push",
                    supplierCode, pushedAt, stale);
        }
        return new OfferReport.Taken(unknown, stale);
    }

    /**
     * A supplier's push of stock levels and prices under its event id: taken once. The id is stored
     * with the push's changes, in one transaction.
     * @param pushedAt when the supplier made the push
     * @return what became of its reports, or empty when this event id was taken before (nothing changed)
     * @throws org.springframework.dao.DuplicateKeyException when the same id is being taken at this moment
     */
    @Transactional
    java.util.Optional<OfferReport.Taken> supplierPushed(String supplierCode, String eventId, Instant pushedAt,
            List<OfferReport> reports) {
        Integer seen = jdbc.queryForObject("select count(*) from supplier_offer_push where supplier_code = ? and event_id = ?",
                Integer.class, supplierCode, eventId);
        if (seen != null && seen > 0) {
            return java.util.Optional.empty();
        }
        refuseGivenTwice(reports);
        OfferReport.Taken taken = reported(supplierCode, pushedAt, reports, i -> "offers[" + i + "].");
        jdbc.update("insert into supplier_offer_push (supplier_code, event_id, received_at) values (?, ?, ?)",
                supplierCode, eventId, java.sql.Timestamp.from(clock.instant()));
        return java.util.Optional.of(taken);
    }

    /**
     * A push gives a supplier SKU's stock once and its price once (in one entry, or one entry each): a
     * value given twice ({@code FJ-WOK} with stock 5 at offers[0] and stock 6 at offers[1]) would leave
     * one of them lost in silence, so the push is a 400 naming the supplier SKU at each of its entries,
     * nothing of it is applied and its eventId is not taken (send it corrected).
     */
    private static void refuseGivenTwice(List<OfferReport> reports) {
        Map<String, List<Integer>> stocks = new LinkedHashMap<>();
        Map<String, List<Integer>> prices = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            OfferReport r = reports.get(i);
            if (r.stock() != null) {
                stocks.computeIfAbsent(r.supplierSku(), sku -> new ArrayList<>()).add(i);
            }
            if (r.supplyPrice() != null) {
                prices.computeIfAbsent(r.supplierSku(), sku -> new ArrayList<>()).add(i);
            }
        }
        List<io.dropflow.web.InvalidRequest.FieldError> errors = new ArrayList<>();
        givenTwice("stock", stocks, errors);
        givenTwice("supply price", prices, errors);
        if (!errors.isEmpty()) {
            throw new io.dropflow.web.InvalidRequest("Invalid stock and price push", errors);
        }
    }

    private static void givenTwice(String what, Map<String, List<Integer>> entries,
            List<io.dropflow.web.InvalidRequest.FieldError> errors) {
        entries.forEach((supplierSku, at) -> {
            if (at.size() > 1) {
                List<String> named = at.stream().map(i -> "offers[" + i + "]").toList();
                String where = String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
                at.forEach(i -> errors.add(new io.dropflow.web.InvalidRequest.FieldError("offers[" + i + "].supplierSku",
                        "is " + supplierSku + ", whose " + what + " is given at " + where + ": a push gives a supplier "
                                + "SKU's stock once and its price once; nothing of it was applied, send it corrected")));
            }
        });
    }

    /**
     * A report's terms. A price in another currency than the offer's is refused: the offer's shipping cost
     * is in its currency too, so changing the currency is the seller's edit through the catalog, never a push.
     */
    private static OfferTerms applied(OfferReport r, OfferTerms t, String where) {
        if (r.currency() != null && !r.currency().equals(t.currency())) {
            throw new io.dropflow.web.InvalidRequest("Invalid catalog entry", List.of(
                    new io.dropflow.web.InvalidRequest.FieldError(where + "currency", "is " + r.currency()
                            + ": a price in " + r.currency() + " for an offer in " + t.currency() + " (supplier SKU "
                            + r.supplierSku() + "); the seller changes an offer's currency in the catalog")));
        }
        return new OfferTerms(t.supplierSku(), r.supplyPrice() == null ? t.supplyPrice() : r.supplyPrice(),
                r.currency() == null ? t.currency() : r.currency(), t.shippingCost(),
                r.stock() == null ? t.stockLevel() : r.stock(), t.shipFromRegion(), t.shipByHours(), t.category(),
                t.active());
    }

    /** One supplier's answer: flagged as its scorecard says now ({@code GET …/scorecard} computes the same). */
    private SupplierDetails details(Supplier supplier) {
        return SupplierDetails.of(supplier, scorecards.of(supplier.getCode()).flagged(),
                bindings.whyNotServed(supplier.getCode()));
    }

    /** A row of the supplier list: a scorecard at most {@code dropflow.scorecard.reuse-for} old (a list reads hundreds). */
    private SupplierDetails listed(Supplier supplier) {
        return SupplierDetails.of(supplier, scorecards.recent(supplier.getId()).flagged(),
                bindings.whyNotServed(supplier.getCode()));
    }

    /** Only an applicant's onboarding activates it or turns it down; the catalog API does not bypass it. */
    private static void notAnApplicant(Supplier supplier) {
        notAnApplicant(supplier, "its onboarding activates it or turns it down, not the catalog");
    }

    private static final String OFFERS_OF_ITS_AGREEMENT =
            "its offers are those of the agreement its onboarding approves, not the catalog's";

    /**
     * An applicant is changed by its onboarding only: what the catalog changed meanwhile would go live
     * at activation without the review the agreement gets, or be reset by it.
     */
    private static void notAnApplicant(Supplier supplier, String why) {
        if (supplier.getStatus() == SupplierStatus.ONBOARDING || supplier.getStatus() == SupplierStatus.REJECTED) {
            throw CatalogProblem.applicant("supplier " + supplier.getCode() + " is " + supplier.getStatus() + ": " + why);
        }
    }

    private static void expectVersion(String what, long expected, long actual) {
        if (expected != actual) {
            throw CatalogProblem.staleVersion(what, expected, actual);
        }
    }

    private Supplier find(String code) {
        return suppliers.findByCode(code).orElseThrow(() -> NotFound.of("supplier", code));
    }

    private SupplierOffer findOffer(Supplier supplier, String sku) {
        return offers.findBySupplierIdAndSku(supplier.getId(), sku)
                .orElseThrow(() -> NotFound.of("offer", sku, supplier.getCode() + " has no offer of " + sku));
    }

    static Sort sortOf(Sort requested, List<String> allowed, String fallback) {
        return io.dropflow.web.ListSorting.orElse(requested, allowed, Sort.by(fallback));
    }
}
