package io.dropflow.settlement.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dropflow.settlement.ExchangeRates.ExchangeRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A rate no currency has (1 EUR = 0.000000000001 JPY, a typo) is a 400 naming rate: before, it was a 201,
 * and the next 2500 JPY order converted to 2500000000000000 EUR, which the ledger could not keep. A rate at
 * the bounds is taken, and every answer shows it in plain digits (before: "rate":1E-12).
 */
@WebMvcTest(ExchangeRateController.class)
@AutoConfigureMockMvc(addFilters = false)
class ExchangeRateBoundsTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

    @Autowired
    MockMvc mvc;
    /** Both the controller's ExchangeRates and its store. */
    @MockitoBean
    ExchangeRateService store;

    private static String rate(String rate) {
        return "{\"base\":\"EUR\",\"quote\":\"JPY\",\"rate\":\"" + rate + "\",\"validFrom\":\"" + FROM + "\"}";
    }

    @Test
    void aRateBelowOneTenMillionthOrAboveTenMillionIsA400NamingRate() throws Exception {
        for (String typo : List.of("0.000000000001", "0.00000009", "10000000.5", "160000000000")) {
            mvc.perform(post("/api/exchange-rates").contentType(MediaType.APPLICATION_JSON).content(rate(typo)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("rate")))
                    .andExpect(jsonPath("$.detail", containsString("rate must be at least 0.0000001 and at most 10000000")));
        }
        verify(store, never()).receive(any(), any(), any(), any());
    }

    /**
     * Exploratory finding s15 money 6: a rate of 13 decimals was a 400 "rate numeric value out of bounds (<12 digits>.<12
     * digits> expected)"; it names the limit in words now, and zeros at the end of a rate do not count against it.
     */
    @Test
    void aRateOfMoreThanTwelveDecimalsIsA400NamingRateAndTheLimit() throws Exception {
        mvc.perform(post("/api/exchange-rates").contentType(MediaType.APPLICATION_JSON).content(rate("0.4041234567891")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("rate")))
                .andExpect(jsonPath("$.detail", containsString(
                        "rate 0.4041234567891 has more than 12 digits after the decimal point")));
        verify(store, never()).receive(any(), any(), any(), any());

        when(store.receive(eq("EUR"), eq("JPY"), any(), eq(FROM))).thenAnswer(call -> new ExchangeRateService.Stored(
                new ExchangeRate("EUR", "JPY", call.getArgument(2), FROM), true));
        mvc.perform(post("/api/exchange-rates").contentType(MediaType.APPLICATION_JSON).content(rate("0.404123456789000")))
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("\"rate\":0.404123456789,")));
    }

    @Test
    void aRateAtTheBoundsIsTakenAndShownInPlainDigits() throws Exception {
        BigDecimal lowest = new BigDecimal("0.0000001");
        when(store.receive(eq("EUR"), eq("JPY"), any(), eq(FROM))).thenAnswer(call -> new ExchangeRateService.Stored(
                new ExchangeRate("EUR", "JPY", call.getArgument(2), FROM), true));

        mvc.perform(post("/api/exchange-rates").contentType(MediaType.APPLICATION_JSON).content(rate("0.0000001")))
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("\"rate\":0.0000001,")));
        mvc.perform(post("/api/exchange-rates").contentType(MediaType.APPLICATION_JSON).content(rate("10000000")))
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("\"rate\":10000000,")));

        when(store.listed("JPY", "EUR")).thenReturn(List.of(new ExchangeRateService.Listed("JPY", "EUR",
                ExchangeRateService.inverse(new BigDecimal("10000000")), FROM,
                new ExchangeRate("EUR", "JPY", new BigDecimal("10000000"), FROM))));
        mvc.perform(get("/api/exchange-rates").param("base", "JPY").param("quote", "EUR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"rate\":0.0000001,")))
                .andExpect(content().string(containsString("\"inverseOf\":{\"base\":\"EUR\",\"quote\":\"JPY\","
                        + "\"rate\":10000000,")));
        verify(store).receive("EUR", "JPY", new BigDecimal("10000000"), FROM);
        verify(store).receive("EUR", "JPY", lowest, FROM);
    }
}
