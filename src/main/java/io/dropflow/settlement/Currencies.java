package io.dropflow.settlement;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;

/**
 * The currencies money may be in: those of ISO 4217's list one in circulation today (2026), that
 * Java knows the minor units of. Not the codes for no currency (XXX), testing (XTS), precious
 * metals (XAU…), funds (CHE, USN…), nor retired ones Java still lists (DEM, HRK, BGN…).
 */
public final class Currencies {

    private static final Set<String> ACTIVE = active(
            "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF "
            + "CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD "
            + "HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR "
            + "LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB "
            + "PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP "
            + "SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF "
            + "YER ZAR ZMW ZWG");

    private Currencies() {
    }

    /** Whether {@code code} is a currency Dropflow takes amounts in. */
    public static boolean isActive(String code) {
        return code != null && ACTIVE.contains(code);
    }

    /** Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD. */
    public static int minorUnits(String code) {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    /**
     * The most digits after the decimal point any of these currencies has (3: KWD, BHD, OMR…): what a
     * form's amount field takes; the case's own currency is checked when the amount is taken.
     */
    public static int mostMinorUnits() {
        return ACTIVE.stream().mapToInt(Currencies::minorUnits).max().orElseThrow();
    }

    /** Whether {@code amount} has more decimals than {@code code} has minor units: 15.001 EUR does, 15.10 does not. */
    public static boolean hasMoreDecimals(BigDecimal amount, String code) {
        return amount.stripTrailingZeros().scale() > minorUnits(code);
    }

    /** Why such an amount is refused: "4.999 has more decimals than EUR has (2)". */
    public static String moreDecimalsThan(BigDecimal amount, String code) {
        return amount.toPlainString() + " has more decimals than " + code + " has (" + minorUnits(code) + ")";
    }

    private static Set<String> active(String codes) {
        Set<String> known = new TreeSet<>();
        for (String code : codes.split(" ")) {
            try {
                Currency.getInstance(code);
                known.add(code);
            } catch (IllegalArgumentException javaDoesNotKnowItYet) {
                // e.g. a code ISO added after this JDK's currency data: not taken until Java knows its minor units
            }
        }
        return Set.copyOf(known);
    }
}
