package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a price list: every bad row reported with its line and why, the good ones kept. */
class OfferImportTest {

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
        OfferImport.Parsed parsed = OfferImport.fromJson("""
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
        OfferImport.Parsed parsed = OfferImport.fromJson("""
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
        assertThatThrownBy(() -> OfferImport.fromJson("[{\"sku\":"))
                .isInstanceOf(CatalogProblem.class)
                .hasMessage("not JSON: the document ends early (line 1, column 9)");
        assertThatThrownBy(() -> OfferImport.fromJson("[{\"sku\": 'MUG-1'}]"))
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
}
