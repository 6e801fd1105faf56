package io.dropflow.settlement.internal;

import io.dropflow.security.Groups;
import io.dropflow.settlement.ActiveCurrency;
import io.dropflow.settlement.ExchangeRates;
import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import io.dropflow.web.DecimalDigits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange rates Dropflow converts with. Anyone logged in reads them; supervisors and analysts
 * add them. A rate is never changed: a correction is a new rate with a later validFrom.
 */
@RestController
@RequestMapping("/api/exchange-rates")
@Tag(name = "Exchange rates")
@SecurityRequirement(name = "basic")
class ExchangeRateController {

    private final ExchangeRates rates;
    private final ExchangeRateService store;

    ExchangeRateController(ExchangeRates rates, ExchangeRateService store) {
        this.rates = rates;
        this.store = store;
    }

    /** Why a rate outside {@link ExchangeRates#LOWEST_RATE} and {@link ExchangeRates#HIGHEST_RATE} is refused. */
    static final String RATE_RANGE = "must be at least 0.0000001 and at most 10000000 (what 1 base is worth in quote): "
            + "a rate outside is no currency's; check for a typo or the pair the wrong way round";

    @Schema(description = "1 base = rate quote, from validFrom on (until a newer rate of the pair)")
    record RateRequest(
            @Schema(example = "USD") @NotBlank @ActiveCurrency String base,
            @Schema(example = "CNY") @NotBlank @ActiveCurrency String quote,
            @Schema(description = "What 1 base is worth in quote: at least 0.0000001 and at most 10000000 (a rate "
                    + "outside is a typo)", example = "7.1234") @NotNull
            @DecimalMin(value = "0.0000001", message = RATE_RANGE) @DecimalMax(value = "10000000", message = RATE_RANGE)
            @DecimalDigits(integer = 12, fraction = 12) BigDecimal rate,
            @Schema(description = "When the rate starts to hold; now when left out", example = "2026-12-01T00:00:00Z")
            Instant validFrom) {

        @Schema(hidden = true)
        @AssertTrue(message = "must differ from base")
        boolean isQuote() {
            return base == null || !base.equals(quote);
        }
    }

    @Schema(description = "The rates conversions from base to quote use, newest first; the ledger is in "
            + "settlementCurrency")
    record RatesView(String settlementCurrency, List<RateView> rates) {
    }

    @Schema(description = "1 base = rate quote from validFrom on. A rate kept the other way round appears as its "
            + "inverse (1 / its rate, to 16 significant digits, as conversions use it) with inverseOf: the rate as "
            + "it is kept, whose validFrom it has")
    record RateView(String base, String quote,
            @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = io.dropflow.settlement.PlainDigits.class)
            BigDecimal rate, Instant validFrom,
            @Schema(description = "Only on a derived rate: the kept rate it is the inverse of") ExchangeRate inverseOf) {

        static RateView of(ExchangeRateService.Listed r) {
            return new RateView(r.base(), r.quote(), r.rate(), r.validFrom(), r.inverseOf());
        }
    }

    @GetMapping
    @Operation(summary = "The rates for a pair, newest first, and the seller's settlement currency",
            description = "Conversions use the inverse of a pair kept the other way round: with only CNY/JPY kept, "
                    + "base=JPY&quote=CNY lists those rates' inverses, each with inverseOf. Without base and quote: "
                    + "every rate kept, by pair, newest first.")
    RatesView list(@RequestParam(required = false) @ActiveCurrency String base,
            @RequestParam(required = false) @ActiveCurrency String quote) throws MissingServletRequestParameterException {
        if (base == null && quote == null) {
            return new RatesView(rates.settlementCurrency(), store.listedAll().stream().map(RateView::of).toList());
        }
        if (base == null || quote == null) {
            throw new MissingServletRequestParameterException(base == null ? "base" : "quote", "String");
        }
        return new RatesView(rates.settlementCurrency(), store.listed(base, quote).stream().map(RateView::of).toList());
    }

    @PostMapping
    @PreAuthorize(Groups.MASTER_DATA_EDITORS)
    @Operation(summary = "Adds a rate (201); the same rate again changes nothing (200), another one for the same "
            + "moment is a 409. Without validFrom, the rate that holds now, sent again, is the same rate.")
    @ApiResponse(responseCode = "201", description = "Rate added")
    @ApiResponse(responseCode = "200", description = "The same rate again: nothing changed")
    @ApiResponse(responseCode = "409", description = "Another rate for the same pair and moment")
    ResponseEntity<ExchangeRate> add(@Valid @RequestBody RateRequest request) {
        ExchangeRateService.Stored stored;
        try {
            stored = store.receive(request.base(), request.quote(), request.rate(), request.validFrom());
        } catch (DataIntegrityViolationException sameMomentJustStored) {
            // Another request stored this pair and moment between our look and our insert: it is kept now
            // (the same rate: 200; another: 409).
            stored = store.receive(request.base(), request.quote(), request.rate(), request.validFrom());
        }
        return ResponseEntity.status(stored.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(stored.rate());
    }
}
