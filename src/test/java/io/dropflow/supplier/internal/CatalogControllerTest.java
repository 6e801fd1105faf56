package io.dropflow.supplier.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The web slice of the catalog API (security and the tables have their own tests): what it refuses, and how. */
@WebMvcTest(CatalogController.class)
@AutoConfigureMockMvc(addFilters = false)
class CatalogControllerTest {

    static final String OFFER = """
            {"sku":"X-1","supplierSku":"S","supplyPrice":"5.00","currency":"EUR","shippingCost":"1.00","stock":10,
             "shipFrom":"DE","shipByHours":48,"category":"homeware"}""";

    static final String SUPPLIER = """
            {"code":"ACME","name":"Acme Homeware","region":"DE","score":80,"tier":2}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CatalogMaintenance catalog;

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anOfferedPriceWithMoreDigitsThanTheCatalogKeepsIsANamed400() throws Exception {
        postJson("/api/suppliers/ACME/offers", OFFER.replace("\"5.00\"", "\"99999999999999999999.00\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supplyPrice"));
        verify(catalog, never()).addOffer(any(), any(), any());
    }

    @Test
    void aPageBeyondWhatAQueryCanSkipIsANamed400() throws Exception {
        for (String list : new String[] {"/api/suppliers", "/api/offers", "/api/suppliers/ACME/offers"}) {
            mvc.perform(get(list).param("page", "2147483647").param("size", "200"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Invalid request"))
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
        }
        verify(catalog, never()).suppliers(any(), any());
        verify(catalog, never()).offers(any(), any());
    }

    @Test
    void aSupplierWithoutItsScoreOrTierIsANamed400() throws Exception {
        for (String field : new String[] {"score", "tier"}) {
            postJson("/api/suppliers", SUPPLIER.replaceAll(",\"" + field + "\":\\d+", ""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field));
            postJson("/api/suppliers", SUPPLIER.replaceAll("\"" + field + "\":\\d+", "\"" + field + "\":null"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }
        verify(catalog, never()).create(any());
    }

    @Test
    void aChangeWithoutTheCodeInItsBodyChangesTheSupplierOfThePath() throws Exception {
        mvc.perform(put("/api/suppliers/ACME").contentType(MediaType.APPLICATION_JSON)
                        .content(SUPPLIER.replace("\"code\":\"ACME\",", "").replace("}", ",\"version\":3}")))
                .andExpect(status().isOk());

        verify(catalog).change("ACME", new CatalogMaintenance.SupplierChanges("Acme Homeware", "DE", 80, 2, null, 3L));
    }

    @Test
    void aChangeWithThePathsCodeInItsBodyIsTakenAsBefore() throws Exception {
        mvc.perform(put("/api/suppliers/ACME").contentType(MediaType.APPLICATION_JSON)
                        .content(SUPPLIER.replace("}", ",\"version\":3}")))
                .andExpect(status().isOk());

        verify(catalog).change("ACME", new CatalogMaintenance.SupplierChanges("Acme Homeware", "DE", 80, 2, null, 3L));
    }

    @Test
    void aChangeWithAnotherCodeInItsBodyThanThePathsIsA400SayingSo() throws Exception {
        for (String other : new String[] {"OTHER", ""}) {
            mvc.perform(put("/api/suppliers/ACME").contentType(MediaType.APPLICATION_JSON)
                            .content(SUPPLIER.replace("\"ACME\"", "\"" + other + "\"").replace("}", ",\"version\":3}")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://dropflow.io/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("code"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("ACME in the path")));
        }
        verify(catalog, never()).change(any(), any());
    }

    @Test
    void aNewSupplierStillNeedsAWellFormedCode() throws Exception {
        postJson("/api/suppliers", SUPPLIER.replace("\"code\":\"ACME\",", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        postJson("/api/suppliers", SUPPLIER.replace("\"ACME\"", "\"acme\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("must be 1 to 64 upper-case letters, digits, '_' or '-'"));
        verify(catalog, never()).create(any());
    }

    @Test
    void anOfferWithoutItsStockOrShipByHoursIsANamed400() throws Exception {
        for (String field : new String[] {"stock", "shipByHours"}) {
            postJson("/api/suppliers/ACME/offers", OFFER.replaceAll(",\\s*\"" + field + "\":\\d+", ""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message").value("must not be null"));
        }
        verify(catalog, never()).addOffer(any(), any(), any());
    }

    @Test
    void anImportIsReadInTheCharsetItsContentTypeNamesAndInUtf8Otherwise() throws Exception {
        byte[] latin1 = (OfferImportTest.HEADER + "X-1,Caf\u00e9-1,5.00,EUR,1.00,10,DE,48,homeware,\n"
                + "X-2,S-2,5.00,EUR,1.00,10,DE,48,homeware,\n").getBytes(StandardCharsets.ISO_8859_1);

        OfferImport.Parsed declared = imported(latin1, "text/csv; charset=ISO-8859-1");
        OfferImport.Parsed undeclared = imported(latin1, "text/csv");

        assertThat(declared.refused()).isEmpty();
        assertThat(declared.rows().get(0).terms().supplierSku()).isEqualTo("Caf\u00e9-1");
        assertThat(undeclared.rows()).extracting(OfferImport.Row::sku).containsExactly("X-2");
        assertThat(undeclared.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.line()).isEqualTo(2);
            assertThat(refused.reason()).contains("not valid in the file's charset (UTF-8");
        });
    }

    /** D2 (s15): the JSON import reads each offer with the application's mapper by our API's JSON rules (JsonInput). */
    @Test
    void aJsonImportsOfferWithAFieldAnOfferDoesNotHaveIsRefusedNamingItAsPostOffersDoes() throws Exception {
        String misspelt = OFFER.replace("\"category\":\"homeware\"", "\"category\":\"homeware\",\"Active\":false");
        OfferImport.Parsed parsed = imported(("[" + misspelt + "]").getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.line()).isEqualTo(1);
            assertThat(refused.sku()).isEqualTo("X-1");
            assertThat(refused.reason()).startsWith("Active is not a field of this request; its fields are active, ");
        });
    }

    private OfferImport.Parsed imported(byte[] file, String contentType) throws Exception {
        org.mockito.Mockito.clearInvocations(catalog);
        mvc.perform(post("/api/suppliers/ACME/offers/import").contentType(contentType).content(file))
                .andExpect(status().isOk());
        ArgumentCaptor<OfferImport.Parsed> parsed = ArgumentCaptor.forClass(OfferImport.Parsed.class);
        verify(catalog).importOffers(eq("ACME"), parsed.capture());
        return parsed.getValue();
    }

    @Test
    void theExportInAFormatItDoesNotHaveIsA406NotAnOfferLookup() throws Exception {
        mvc.perform(get("/api/suppliers/ACME/offers/export").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.detail").value("Acceptable representations: [text/csv]."));
        verify(catalog, never()).offer(any(), any());
    }
}
