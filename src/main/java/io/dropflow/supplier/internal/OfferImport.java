package io.dropflow.supplier.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dropflow.settlement.Money;
import io.dropflow.web.DecimalInput;
import io.dropflow.web.InvalidRequest;
import io.dropflow.web.StrictJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    private static final ObjectMapper JSON = JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
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

    /**
     * One offer of a JSON import, read as {@code POST /offers} reads an offer ({@link StrictJson}): no key twice, no
     * field an offer does not have ({@code "Active": false} was ignored and the offer stayed on sale: exploratory
     * test s15 D2), no number as text ({@code "stock": "7"}) nor yes/no as text.
     */
    record JsonOffer(String sku, String supplierSku, BigDecimal supplyPrice, String currency, BigDecimal shippingCost,
            Integer stock, String shipFrom, Integer shipByHours, String category, Boolean active) {
    }

    /** How a JSON import reads each of its offers: with the application's mapper, as our API reads a body. */
    static ObjectReader jsonOffers(ObjectMapper applicationMapper) {
        return StrictJson.readerFor(applicationMapper, JsonOffer.class);
    }

    /**
     * A JSON array of offers, each read on its own by {@code offers} ({@link #jsonOffers}): an offer that breaks
     * the API's JSON rules is refused with its position and every field at fault, the others are taken.
     */
    static Parsed fromJson(String text, ObjectReader offers) {
        List<Row> rows = new ArrayList<>();
        List<RowProblem> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (JsonParser array = JSON.createParser(text)) {
            if (array.nextToken() != JsonToken.START_ARRAY) {
                throw CatalogProblem.invalid("the body must be a JSON array of offers with the fields " + COLUMNS);
            }
            int position = 0;
            while (array.nextToken() != JsonToken.END_ARRAY) {
                if (++position > MAX_ROWS) {
                    throw CatalogProblem.invalid("more than " + MAX_ROWS + " offers: split the import");
                }
                int from = (int) array.currentTokenLocation().getCharOffset();
                JsonToken first = array.currentToken();
                array.skipChildren();
                String offer = text.substring(from, (int) array.currentLocation().getCharOffset());
                if (first != JsonToken.START_OBJECT) {
                    refused.add(new RowProblem(position, null, "is " + (first == JsonToken.START_ARRAY ? "an array"
                            : first.isNumeric() ? "the number " + offer.strip() : first == JsonToken.VALUE_STRING ? "text"
                            : offer.strip()) + ", not an offer: an offer is a JSON object with the fields " + COLUMNS));
                    continue;
                }
                jsonRow(position, offer, offers, rows, refused, seen);
            }
            if (array.nextToken() != null) {
                throw CatalogProblem.invalid("not JSON: more follows the array of offers at " + where(array.currentTokenLocation()));
            }
        } catch (JsonEOFException e) {
            throw CatalogProblem.invalid("not JSON: the document ends early (" + where(e.getLocation()) + ")");
        } catch (IOException e) {
            throw CatalogProblem.invalid("not JSON" + (e instanceof JsonProcessingException parsing
                    && parsing.getLocation() != null ? " at " + where(parsing.getLocation()) : ""));
        }
        return new Parsed(rows, refused);
    }

    /**
     * One offer of a JSON import: read whole when nothing is wrong with it; else every field at fault named (a key
     * twice, a field an offer does not have, a value of another JSON type), and the catalog's rules checked on
     * the others.
     */
    private static void jsonRow(int position, String text, ObjectReader offers, List<Row> rows,
            List<RowProblem> refused, Set<String> seen) throws IOException {
        JsonOffer offer;
        List<String> problems = new ArrayList<>();
        Set<String> faulted = new HashSet<>();
        try {
            offer = offers.readValue(text);
        } catch (JsonProcessingException atFault) {
            ObjectNode fields = (ObjectNode) JSON.readTree(text); // the last of a key given twice: refused below
            for (String key : keysTwice(text)) {
                problems.add(StrictJson.twice(key, key).text());
                faulted.add(key);
            }
            ObjectNode good = fields.objectNode();
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                if (faulted.contains(field.getKey())) {
                    continue;
                }
                // as text, not a tree: the API's words for a value of another JSON type read the parser's token
                String alone = JSON.writeValueAsString(fields.objectNode().set(field.getKey(), field.getValue()));
                try {
                    offers.readValue(alone);
                    good.set(field.getKey(), field.getValue());
                } catch (JsonProcessingException misfit) {
                    problems.add(StrictJson.fieldError(misfit).map(InvalidRequest.FieldError::text)
                            .orElse(field.getKey() + " is not valid"));
                    faulted.add(field.getKey());
                }
            }
            offer = offers.readValue(JSON.writeValueAsString(good));
        }
        if (offer.stock() == null && faulted.add("stock")) {
            problems.add("stock is missing");
        }
        if (offer.shipByHours() == null && faulted.add("shipByHours")) {
            problems.add("shipByHours is missing");
        }
        OfferTerms terms = new OfferTerms(offer.supplierSku(), offer.supplyPrice(), offer.currency(),
                offer.shippingCost(), offer.stock() == null ? 0 : offer.stock(), offer.shipFrom(),
                offer.shipByHours() == null ? 0 : offer.shipByHours(), offer.category(),
                offer.active() == null || offer.active());
        row(position, offer.sku(), terms, problems, faulted, rows, refused, seen);
    }

    /** The keys an object gives more than once, each once (a JSON tree keeps the last of them only). */
    private static Set<String> keysTwice(String object) throws IOException {
        Set<String> keys = new HashSet<>();
        Set<String> twice = new java.util.LinkedHashSet<>();
        try (JsonParser parser = JSON.createParser(object)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (!keys.add(parser.currentName())) {
                    twice.add(parser.currentName());
                }
                parser.nextToken();
                parser.skipChildren();
            }
        }
        return twice;
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
        Set<String> faulted = new HashSet<>();
        OfferTerms terms = new OfferTerms(f.get(1), decimal("supplyPrice", f.get(2), problems, faulted), f.get(3),
                decimal("shippingCost", f.get(4), problems, faulted), whole("stock", f.get(5), problems, faulted),
                f.get(6), whole("shipByHours", f.get(7), problems, faulted), f.get(8), flag(f.get(9), problems));
        row(line, sku, terms, problems, faulted, rows, refused, seen);
    }

    /**
     * A row read: taken, or refused naming every fault it has, those found reading it ({@code problems}, of the
     * fields {@code faulted}) and the catalog's rules' of its other fields (exploratory test s15 D9: a row with
     * stock -1 and active "yes" was refused for "yes" alone, and again for the stock once that was mended).
     */
    private static void row(int line, String sku, OfferTerms terms, List<String> problems, Set<String> faulted,
            List<Row> rows, List<RowProblem> refused, Set<String> seen) {
        CatalogRules.problemsOf(sku, terms).stream().filter(problem -> !faulted.contains(problem.field()))
                .forEach(problem -> problems.add(problem.text()));
        if (problems.isEmpty() && seen.contains(sku)) {
            problems.add("sku " + sku + " comes twice in this import");
        }
        if (problems.isEmpty()) {
            seen.add(sku);
            rows.add(new Row(line, sku, terms));
        } else {
            refused.add(new RowProblem(line, sku, String.join("; ", problems)));
        }
    }

    /** An amount of the file; one whose exponent puts it beyond any amount ("1e2147483647") is refused as it is read. */
    private static BigDecimal decimal(String field, String text, List<String> problems, Set<String> faulted) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(field + " '" + text + "' is not a number like 12.50");
            faulted.add(field);
            return null;
        }
        if (!DecimalInput.fits(amount)) {
            problems.add(field + " '" + text + "' " + DecimalInput.OUT_OF_RANGE);
            faulted.add(field);
            return null;
        }
        return amount;
    }

    private static int whole(String field, String text, List<String> problems, Set<String> faulted) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            problems.add(field + " '" + text + "' is not a whole number");
            faulted.add(field);
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
