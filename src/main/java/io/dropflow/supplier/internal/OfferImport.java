package io.dropflow.supplier.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dropflow.settlement.Money;
import io.dropflow.web.DecimalInput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offer file a seller (or a supplier's price list) imports, as CSV with a header or as a JSON
 * array with the same fields, and the same format out again. Each row is read and checked on its
 * own: a bad row is reported with its line (CSV) or position (JSON) and why, the good ones go on.
 */
final class OfferImport {

    static final List<String> COLUMNS = List.of("sku", "supplierSku", "supplyPrice", "currency", "shippingCost",
            "stock", "shipFrom", "shipByHours", "category", "active");
    /** A price list of 50 000 SKUs is more than any supplier of a dropshipper sends at once. */
    static final int MAX_ROWS = 50_000;

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();
    /** Numbers as written: 1.0000000000000000001 read as a double would be 1.0, a price nobody sent. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** What a decoder makes of bytes that are not of the file's charset (U+FFFD): never stored. */
    private static final char UNREADABLE = '\uFFFD';

    record Row(int line, String sku, OfferTerms terms) {
    }

    record RowProblem(int line, String sku, String reason) {
    }

    record Parsed(List<Row> rows, List<RowProblem> refused) {
    }

    private OfferImport() {
    }

    static Parsed fromCsv(String text) {
        List<Row> rows = new ArrayList<>();
        List<RowProblem> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            if (!lines.hasNext()) {
                throw CatalogProblem.invalid("the file is empty; its first line names the columns " + COLUMNS);
            }
            List<String> header = lines.next();
            if (!header.equals(COLUMNS)) {
                throw CatalogProblem.invalid("the columns must be " + String.join(",", COLUMNS) + ", were "
                        + String.join(",", header));
            }
            while (lines.hasNext()) {
                int line = lines.getCurrentLocation().getLineNr();
                List<String> fields;
                try {
                    fields = lines.next();
                } catch (RuntimeException unreadable) {
                    refused.add(new RowProblem(line, null, "not a CSV row: unexpected text" + column(unreadable)));
                    continue;
                }
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                row(line, fields, rows, refused, seen);
                if (rows.size() + refused.size() > MAX_ROWS) {
                    throw CatalogProblem.invalid("more than " + MAX_ROWS + " rows: split the file");
                }
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw CatalogProblem.invalid("not a CSV file: unexpected text" + column(e));
        }
        return new Parsed(rows, refused);
    }

    static Parsed fromJson(String text) {
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (JsonEOFException e) {
            throw CatalogProblem.invalid("not JSON: the document ends early (" + where(e.getLocation()) + ")");
        } catch (IOException e) {
            throw CatalogProblem.invalid("not JSON" + (e instanceof JsonProcessingException parsing
                    && parsing.getLocation() != null ? " at " + where(parsing.getLocation()) : ""));
        }
        if (array == null || !array.isArray()) {
            throw CatalogProblem.invalid("the body must be a JSON array of offers with the fields " + COLUMNS);
        }
        if (array.size() > MAX_ROWS) {
            throw CatalogProblem.invalid("more than " + MAX_ROWS + " offers: split the import");
        }
        List<Row> rows = new ArrayList<>();
        List<RowProblem> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode offer = array.get(i);
            List<String> fields = new ArrayList<>();
            for (String column : COLUMNS) {
                JsonNode value = offer.path(column);
                fields.add(value.isMissingNode() || value.isNull() ? "" : value.asText());
            }
            row(i + 1, fields, rows, refused, seen);
        }
        return new Parsed(rows, refused);
    }

    static String toCsv(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (var writer = CSV.writerFor(List.class).with(CsvSchema.emptySchema()).writeValues(out)) {
            writer.write(COLUMNS);
            for (Row row : rows) {
                OfferTerms t = row.terms();
                writer.write(List.of(row.sku(), t.supplierSku(), Money.inMinorUnits(t.supplyPrice(), t.currency()).toPlainString(),
                        t.currency(), Money.inMinorUnits(t.shippingCost(), t.currency()).toPlainString(), String.valueOf(t.stockLevel()), t.shipFromRegion(),
                        String.valueOf(t.shipByHours()), t.category(), String.valueOf(t.active())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(int line, List<String> f, List<Row> rows, List<RowProblem> refused, Set<String> seen) {
        String sku = f.isEmpty() ? null : f.get(0);
        if (f.size() != COLUMNS.size()) {
            refused.add(new RowProblem(line, sku, "has " + f.size() + " fields, not " + COLUMNS.size()));
            return;
        }
        if (f.stream().anyMatch(field -> field.indexOf(UNREADABLE) >= 0)) {
            refused.add(new RowProblem(line, sku, "has bytes that are not valid in the file's charset (UTF-8 unless the "
                    + "Content-Type names another, e.g. text/csv; charset=ISO-8859-1)"));
            return;
        }
        List<String> problems = new ArrayList<>();
        OfferTerms terms = new OfferTerms(f.get(1), decimal("supplyPrice", f.get(2), problems), f.get(3),
                decimal("shippingCost", f.get(4), problems), whole("stock", f.get(5), problems), f.get(6),
                whole("shipByHours", f.get(7), problems), f.get(8), flag(f.get(9), problems));
        if (problems.isEmpty()) {
            CatalogRules.problemsOf(sku, terms).forEach(problem -> problems.add(problem.text()));
        }
        if (problems.isEmpty() && !seen.add(sku)) {
            problems.add("sku " + sku + " comes twice in this import");
        }
        if (problems.isEmpty()) {
            rows.add(new Row(line, sku, terms));
        } else {
            refused.add(new RowProblem(line, sku, String.join("; ", problems)));
        }
    }

    /** An amount of the file; one whose exponent puts it beyond any amount ("1e2147483647") is refused as it is read. */
    private static BigDecimal decimal(String field, String text, List<String> problems) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(field + " '" + text + "' is not a number like 12.50");
            return null;
        }
        if (!DecimalInput.fits(amount)) {
            problems.add(field + " '" + text + "' " + DecimalInput.OUT_OF_RANGE);
            return null;
        }
        return amount;
    }

    private static int whole(String field, String text, List<String> problems) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add(field + " '" + text + "' is not a whole number");
            return 0;
        }
    }

    private static boolean flag(String text, List<String> problems) {
        if (text.isEmpty() || text.equalsIgnoreCase("true")) {
            return true;
        }
        if (!text.equalsIgnoreCase("false")) {
            problems.add("active must be true or false, was '" + text + "'");
        }
        return false;
    }

    /** Where the parser stopped, in our words: its own message quotes its internals. */
    private static String where(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String column(Throwable unreadable) {
        for (Throwable t = unreadable; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException parsing && parsing.getLocation() != null) {
                return " near column " + parsing.getLocation().getColumnNr();
            }
        }
        return "";
    }
}
