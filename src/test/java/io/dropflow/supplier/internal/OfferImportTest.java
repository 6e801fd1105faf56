package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a price list: every bad row reported with its line and why, the good ones kept. */
class OfferImportTest {

    /** As the application reads a JSON import's offers: its mapper's decimal module, our API's JSON rules. */
    static final com.fasterxml.jackson.databind.ObjectReader READER = OfferImport.jsonOffers(
            new com.fasterxml.jackson.databind.ObjectMapper().registerModule(new io.dropflow.web.DecimalInput().decimalsThatFit()));

    static OfferImport.Parsed json(String text) {
        return OfferImport.fromJson(text, READER);
    }

    static final String HEADER = "sku,supplierSku,supplyPrice,currency,shippingCost,stock,shipFrom,shipByHours,category,active\n";

    @Test
    void goodRowsAreReadAndBadOnesReportedWithTheirLine() {
        OfferImport.Parsed parsed = OfferImport.fromCsv(HEADER
                + "MUG-1,CJ-MUG-1,6.50,CNY,2.00,100,CN,72,homeware,true\n"        // line 2: good
                + "MUG-2,CJ-MUG-2,six,CNY,2.00,100,CN,72,homeware,true\n"         // line 3: not a number
                + "MUG-3,CJ-MUG-3,6.50,QQQ,2.00,100,CN,72,homeware,true\n"        // line 4: no such currency
                + "MUG-4,CJ-MUG-4,6.50,XXX,2.00,100,CN,72,homeware,true\n"        // line 5: no currency at all
                + "MUG-5,CJ-MUG-5,-1.00,CNY,2.00,100,CN,72,homeware,true\n"       // line 6: negative
                + "MUG-6,CJ-MUG-6,650.5,JPY,0,100,JP,72,homeware,\n"              // line 7: yen have no decimals
                + "MUG-1,CJ-MUG-1B,7.00,CNY,2.00,100,CN,72,homeware,true\n"       // line 8: twice
                + "MUG-7,CJ-MUG-7,650,JPY,0,5,JP,48,homeware,\n"                  // line 9: good, active by default
                + "MUG-8,CJ-MUG-8,1.00\n");                                       // line 10: too few fields

        assertThat(parsed.rows()).extracting(OfferImport.Row::sku).containsExactly("MUG-1", "MUG-7");
        assertThat(parsed.rows().get(1).terms().active()).isTrue();
        assertThat(parsed.refused()).extracting(OfferImport.RowProblem::line).containsExactly(3, 4, 5, 6, 7, 8, 10);
        assertThat(parsed.refused().get(0).reason()).contains("supplyPrice 'six' is not a number");
        assertThat(parsed.refused().get(1).reason()).contains("currency 'QQQ' is not an ISO 4217 currency");
        assertThat(parsed.refused().get(2).reason()).contains("currency 'XXX'");
        assertThat(parsed.refused().get(3).reason()).contains("supplyPrice must not be negative");
        assertThat(parsed.refused().get(4).reason()).contains("has more decimals than JPY has (0)");
        assertThat(parsed.refused().get(5).reason()).contains("comes twice");
        assertThat(parsed.refused().get(6).reason()).contains("has 3 fields, not 10");
    }

    @Test
    void aPriceTooLargeToKeepIsRefusedWithItsLineAndTheOtherRowsKept() {
        OfferImport.Parsed parsed = OfferImport.fromCsv(HEADER
                + "MUG-1,S1,99999999999999999999.00,EUR,1.00,10,DE,48,homeware,\n"
                + "MUG-2,S2,5.00,EUR,1000000000000000.00,10,DE,48,homeware,\n"
                + "MUG-3,S3,999999999999999.99,EUR,1.00,10,DE,48,homeware,\n");

        assertThat(parsed.rows()).extracting(OfferImport.Row::sku).containsExactly("MUG-3");
        assertThat(parsed.refused()).extracting(OfferImport.RowProblem::line).containsExactly(2, 3);
        assertThat(parsed.refused().get(0).reason()).contains("supplyPrice", "more than 15 digits before the decimal point");
        assertThat(parsed.refused().get(1).reason()).contains("shippingCost", "more than 15 digits");
    }

    @Test
    void aFileWithOtherColumnsIsRefusedWhole() {
        assertThatThrownBy(() -> OfferImport.fromCsv("sku,price\nMUG-1,6.50\n"))
                .isInstanceOf(CatalogProblem.class)
                .hasMessageContaining("the columns must be sku,supplierSku,supplyPrice");
    }

    @Test
    void jsonOffersAreReportedByTheirPosition() {
        OfferImport.Parsed parsed = json("""
                [{"sku": "MUG-1", "supplierSku": "S1", "supplyPrice": 6.5, "currency": "USD", "shippingCost": 1,
                  "stock": 3, "shipFrom": "US", "shipByHours": 24, "category": "homeware"},
                 {"sku": "MUG-2", "supplierSku": "S2", "supplyPrice": 6.5, "currency": "usd", "shippingCost": 1,
                  "stock": 3, "shipFrom": "US", "shipByHours": 24, "category": "homeware"}]""");

        assertThat(parsed.rows()).extracting(OfferImport.Row::sku).containsExactly("MUG-1");
        assertThat(parsed.refused()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("currency 'usd'");
        });
    }

    @Test
    void aJsonNumberIsReadExactlyNotRoundedLikeADouble() {
        OfferImport.Parsed parsed = json("""
                [{"sku": "MUG-1", "supplierSku": "S1", "supplyPrice": 1.0000000000000000001, "currency": "EUR",
                  "shippingCost": 1, "stock": 3, "shipFrom": "DE", "shipByHours": 24, "category": "homeware"},
                 {"sku": "MUG-2", "supplierSku": "S2", "supplyPrice": "1.0000000000000000001", "currency": "EUR",
                  "shippingCost": 1, "stock": 3, "shipFrom": "DE", "shipByHours": 24, "category": "homeware"}]""");

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.refused()).extracting(OfferImport.RowProblem::reason).containsExactly(
                "supplyPrice 1.0000000000000000001 has more decimals than EUR has (2)",
                "supplyPrice 1.0000000000000000001 has more decimals than EUR has (2)");
    }

    @Test
    void unreadableFilesAreRefusedInOurWordsWithWhereNotTheParsers() {
        assertThatThrownBy(() -> json("[{\"sku\":"))
                .isInstanceOf(CatalogProblem.class)
                .hasMessage("not JSON: the document ends early (line 1, column 9)");
        assertThatThrownBy(() -> json("[] [{}]"))
                .isInstanceOf(CatalogProblem.class)
                .hasMessage("not JSON: more follows the array of offers at line 1, column 4");
        assertThatThrownBy(() -> json("[{\"sku\": 'MUG-1'}]"))
                .isInstanceOf(CatalogProblem.class)
                .hasMessage("not JSON at line 1, column 10");

        assertThatThrownBy(() -> OfferImport.fromCsv("sku,\"supplierSku\"x\n"))
                .isInstanceOf(CatalogProblem.class)
                .hasMessage("not a CSV file: unexpected text near column 19");

        OfferImport.Parsed parsed = OfferImport.fromCsv(HEADER
                + "MUG-1,S1,6.50,CNY,2.00,100,CN,72,homeware,true\n"
                + "MUG-2,\"S2\"x,6.50,CNY,2.00,100,CN,72,homeware,true\n"
                + "MUG-3,S3,6.50,CNY,2.00,100,CN,72,homeware,true\n");
        assertThat(parsed.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.line()).isEqualTo(3);
            assertThat(refused.reason()).isEqualTo("not a CSV row: unexpected text near column 12");
        });
    }

    @Test
    void aRowWhoseTextASpreadsheetWouldRunAsAFormulaIsRefusedWithItsLine() {
        OfferImport.Parsed parsed = OfferImport.fromCsv(HEADER
                + "MUG-1,\"=HYPERLINK(\"\"http://evil.example\"\")\",6.50,CNY,2.00,100,CN,72,homeware,true\n"
                + "MUG-2,S-2,6.50,CNY,2.00,100,CN,72,homeware,true\n");

        assertThat(parsed.rows()).extracting(OfferImport.Row::sku).containsExactly("MUG-2");
        assertThat(parsed.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.line()).isEqualTo(2);
            assertThat(refused.reason()).startsWith("supplierSku must not begin with");
        });
    }

    @Test
    void anExportReadsBackAsTheSameOffers() {
        List<OfferImport.Row> rows = OfferImport.fromCsv(HEADER
                + "MUG-1,\"CJ,MUG \"\"1\"\"\",6.50,CNY,2.00,100,CN,72,homeware,true\n"
                + "MUG-2,CJ-MUG-2,650,JPY,0,5,JP,48,homeware,false\n").rows();

        List<OfferImport.Row> again = OfferImport.fromCsv(OfferImport.toCsv(rows)).rows();

        assertThat(again).hasSize(2);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(again.get(i).sku()).isEqualTo(rows.get(i).sku());
            assertThat(again.get(i).terms().sameAs(rows.get(i).terms())).isTrue();
        }
        assertThat(again.get(0).terms().supplierSku()).isEqualTo("CJ,MUG \"1\"");
    }

    /**
     * D2 of the exploratory test (session 15): the JSON import took the last of a key given twice, ignored a field an
     * offer does not have ("Active": false for active: the offer stayed on sale, "unchanged") and read numbers and
     * yes/no from text. Each offer is read as POST /offers reads one: refused with its position, naming the field.
     */
    @Test
    void aJsonOfferBreakingTheApisJsonRulesIsRefusedNamingTheField() {
        OfferImport.Parsed parsed = json("""
                [{"sku":"J-1","supplierSku":"J1","supplyPrice":"5.00","currency":"EUR","shippingCost":"1","stock":5,
                  "shipFrom":"CN","shipByHours":48,"category":"homeware","giftWrap":true},
                 {"sku":"J-2","supplierSku":"J2","supplyPrice":"5.00","supplyPrice":"9.00","currency":"EUR",
                  "shippingCost":"1","stock":5,"shipFrom":"CN","shipByHours":48,"category":"homeware"},
                 {"sku":"J-3","supplierSku":"J3","supplyPrice":5,"currency":"EUR","shippingCost":1,"stock":"7",
                  "shipFrom":"CN","shipByHours":48,"category":"homeware"},
                 {"sku":"J-4","supplierSku":"J4","supplyPrice":"9.00","currency":"EUR","shippingCost":"1.00","stock":5,
                  "shipFrom":"CN","shipByHours":48,"category":"homeware","Active":false},
                 42,
                 {"sku":"J-5","supplierSku":"J5","supplyPrice":"5.00","currency":"EUR","shippingCost":"1","stock":5,
                  "shipFrom":"CN","shipByHours":48,"category":"homeware","active":false}]""");

        assertThat(parsed.rows()).extracting(OfferImport.Row::sku).containsExactly("J-5");
        assertThat(parsed.rows().get(0).terms().active()).isFalse();
        assertThat(parsed.refused()).extracting(OfferImport.RowProblem::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(parsed.refused()).extracting(OfferImport.RowProblem::sku).containsExactly("J-1", "J-2", "J-3", "J-4",
                null);
        assertThat(parsed.refused().get(0).reason()).startsWith("giftWrap is not a field of this request; its fields are "
                + "active, category, currency");
        assertThat(parsed.refused().get(1).reason()).isEqualTo("supplyPrice appears twice in one JSON object (key "
                + "\"supplyPrice\"); send each key once");
        assertThat(parsed.refused().get(2).reason()).isEqualTo("stock must be a number, sent as a JSON number (1, not \"1\")");
        assertThat(parsed.refused().get(3).reason()).startsWith("Active is not a field of this request");
        assertThat(parsed.refused().get(4).reason()).startsWith("is the number 42, not an offer: an offer is a JSON object");
    }

    /**
     * D9 of the exploratory test (session 15): a row was refused for its first kind of fault only ("active must be
     * true or false, was 'yes'"), its stock of -1 named after that was mended. Every fault of the row is named.
     */
    @Test
    void aRefusedRowNamesEveryFaultItHas() {
        OfferImport.Parsed csv = OfferImport.fromCsv(HEADER + "IMP-4,I-4,5.00,EUR,1.00,-1,CN,48,homeware,yes\n"
                + "IMP-5,I-5,five,EUR,1.00,3,XX,eight,homeware,true\n");
        OfferImport.Parsed json = json("""
                [{"sku":"IMP-4","supplierSku":"I-4","supplyPrice":"5.00","currency":"EUR","shippingCost":"1.00",
                  "stock":-1,"shipFrom":"CN","shipByHours":"48","category":"homeware","active":"yes","colour":"red",
                  "colour":"blue"}]""");

        assertThat(csv.refused()).extracting(OfferImport.RowProblem::reason).containsExactly(
                "active must be true or false, was 'yes'; stock must not be negative, was -1",
                "supplyPrice 'five' is not a number like 12.50; shipByHours 'eight' is not a whole number; "
                        + "shipFrom must be an ISO 3166 country code like CN, was 'XX'");
        assertThat(json.refused()).singleElement().extracting(OfferImport.RowProblem::reason).asString()
                .contains("colour appears twice", "shipByHours must be a number", "active must be true or false",
                        "stock must not be negative, was -1")
                .doesNotContain("shipByHours must be between");
    }
}
