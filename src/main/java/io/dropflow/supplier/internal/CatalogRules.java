package io.dropflow.supplier.internal;

import io.dropflow.settlement.Currencies;
import io.dropflow.web.InvalidRequest;
import io.dropflow.web.InvalidRequest.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a catalog entry must look like; every rule names the field and says what is wrong in words a seller reads. */
final class CatalogRules {

    static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern SUPPLIER_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");
    static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** The path under a supplier's offers that is their export: no offer's SKU, or it could not be read. */
    static final String EXPORT = "export";
    /**
     * What a spreadsheet takes a cell to be a formula by (OWASP's CSV injection; tab and CR are control
     * characters, refused anyway). Our SKUs and categories cannot begin with them; a supplier's SKU is refused
     * rather than escaped, so that an export imports back as the same offers.
     */
    private static final String FORMULA_START = "=+-@";
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** The digits an amount column keeps (NUMERIC(19,4)): what the API's {@code @Digits} and this class both hold to. */
    static final int AMOUNT_INTEGER_DIGITS = 15;
    static final int AMOUNT_FRACTION_DIGITS = 4;

    private CatalogRules() {
    }

    /** @throws InvalidRequest naming each field of the offer that is not valid */
    static void requireValid(String sku, OfferTerms terms) {
        List<FieldError> problems = problemsOf(sku, terms);
        if (!problems.isEmpty()) {
            throw new InvalidRequest("Invalid catalog entry", problems);
        }
    }

    /** @return what is wrong with the offer, empty when nothing */
    static List<FieldError> problemsOf(String sku, OfferTerms t) {
        List<FieldError> problems = new ArrayList<>();
        if (sku == null || !SKU.matcher(sku).matches()) {
            problems.add(new FieldError("sku", "must be 1 to 64 letters, digits, '.', '_' or '-', was " + quoted(sku)));
        } else if (sku.equals(EXPORT)) {
            problems.add(new FieldError("sku", "'" + EXPORT + "' is reserved: /offers/" + EXPORT
                    + " is the supplier's offers as CSV"));
        }
        if (t.supplierSku() == null || t.supplierSku().isBlank() || t.supplierSku().length() > 64
                || CONTROL.matcher(t.supplierSku()).find()) {
            problems.add(new FieldError("supplierSku", "must be 1 to 64 printable characters"));
        } else if (FORMULA_START.indexOf(t.supplierSku().charAt(0)) >= 0) {
            problems.add(new FieldError("supplierSku", "must not begin with " + FORMULA_START.replace("", " ").trim()
                    + ": a spreadsheet opening the export would run it as a formula, was " + quoted(t.supplierSku())));
        }
        if (!Currencies.isActive(t.currency())) {
            problems.add(new FieldError("currency", quoted(t.currency()) + " is not an ISO 4217 currency in circulation"));
        }
        amount("supplyPrice", t.supplyPrice(), t.currency(), problems);
        amount("shippingCost", t.shippingCost(), t.currency(), problems);
        if (t.stockLevel() < 0) {
            problems.add(new FieldError("stock", "must not be negative, was " + t.stockLevel()));
        }
        if (!io.dropflow.web.CountryCode.Check.isCountry(t.shipFromRegion())) {
            problems.add(new FieldError("shipFrom", "must be an ISO 3166 country code like CN, was "
                    + quoted(t.shipFromRegion())));
        }
        if (t.shipByHours() < 1 || t.shipByHours() > 720) {
            problems.add(new FieldError("shipByHours", "must be between 1 and 720, was " + t.shipByHours()));
        }
        if (t.category() == null || !CATEGORY.matcher(t.category()).matches()) {
            problems.add(new FieldError("category", "must be 1 to 32 lower-case letters, digits or '-', was "
                    + quoted(t.category())));
        }
        return problems;
    }

    private static void amount(String field, BigDecimal amount, String currency, List<FieldError> problems) {
        if (amount == null) {
            problems.add(new FieldError(field, "is missing"));
        } else if (amount.signum() < 0) {
            problems.add(new FieldError(field, "must not be negative, was " + amount.toPlainString()));
        } else if (Currencies.isActive(currency) && Currencies.hasMoreDecimals(amount, currency)) {
            problems.add(new FieldError(field, Currencies.moreDecimalsThan(amount, currency)));
        } else if ((long) amount.precision() - amount.scale() > AMOUNT_INTEGER_DIGITS // long: 1E+2147483647 overflows an int
                || amount.stripTrailingZeros().scale() > AMOUNT_FRACTION_DIGITS) {
            problems.add(new FieldError(field, amount.toPlainString() + " has more than " + AMOUNT_INTEGER_DIGITS
                    + " digits before the decimal point or " + AMOUNT_FRACTION_DIGITS + " after it"));
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
