package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.web.ApiProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An offer the catalog refuses is answered like any invalid request: each bad field named in errors[]. */
class CatalogRulesTest {

    static OfferTerms terms(String supplyPrice, String currency) {
        return new OfferTerms("S", new BigDecimal(supplyPrice), currency, new BigDecimal("1.00"), 10, "DE", 48,
                "homeware", true);
    }

    @Test
    void aRefusedOfferNamesEachBadFieldLikeBeanValidation() {
        assertThatThrownBy(() -> CatalogRules.requireValid("X-1", terms("1.001", "QQQ")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getBody().getDetail()).contains("currency 'QQQ' is not an ISO 4217 currency");
                    assertThat(problem.getBody().getProperties()).containsEntry("errors", List.of(Map.of("field",
                            "currency", "message", "'QQQ' is not an ISO 4217 currency in circulation")));
                });
        assertThatThrownBy(() -> CatalogRules.requireValid("X-1", terms("1.001", "EUR")))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getBody().getProperties())
                        .containsEntry("errors", List.of(Map.of("field", "supplyPrice", "message",
                                "1.001 has more decimals than EUR has (2)"))));
    }

    @Test
    void theSkuExportIsReservedForTheOffersExport() {
        assertThat(CatalogRules.problemsOf("export", terms("5.00", "EUR"))).singleElement()
                .satisfies(problem -> assertThat(problem.text()).isEqualTo(
                        "sku 'export' is reserved: /offers/export is the supplier's offers as CSV"));
    }

    @Test
    void aSupplierSkuASpreadsheetWouldRunAsAFormulaIsRefused() {
        for (String formula : new String[] {"=1+2", "+1", "-1", "@SUM(A1)"}) {
            OfferTerms t = terms("5.00", "EUR");
            OfferTerms withFormula = new OfferTerms(formula, t.supplyPrice(), t.currency(), t.shippingCost(),
                    t.stockLevel(), t.shipFromRegion(), t.shipByHours(), t.category(), t.active());

            assertThat(CatalogRules.problemsOf("X-1", withFormula)).singleElement()
                    .satisfies(problem -> assertThat(problem.text()).startsWith("supplierSku must not begin with"));
        }
    }

    @Test
    void aValidOfferPasses() {
        CatalogRules.requireValid("X-1", terms("5.00", "EUR"));
    }
}
