package io.dropflow.groupbuy.internal;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Pickup codes: eight characters a consumer can read out (no 0/O or 1/I), random so that nobody
 * guesses a neighbour's. Unique in the table; a clash (about one in 10^12) draws again. Upper-case letters and digits
 * only, so a code read out or typed in lower case, full-width or in groups with spaces or hyphens is still one code:
 * the pickup matches it as {@link #typed} reads it ({@link Collection}).
 */
@Component
public class PickupCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final GroupBuyOrders orders;

    PickupCodes(GroupBuyOrders orders) {
        this.orders = orders;
    }

    public String next() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder code = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            if (!orders.existsByPickupCode(code.toString())) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free pickup code after 10 draws");
    }

    /**
     * The code as typed or read out: width folded (NFKC: "ＷＤＬ３" is "WDL3", a full-width hyphen or space an ASCII
     * one), spaces and hyphens (any dash) dropped, in upper case. "wdl3-e79n", "WDL3 E79N" and "ｗｄｌ３ｅ７９ｎ" are
     * "WDL3E79N" (explore s18 H14: they were "not a code of pickup point …").
     */
    static String typed(String code) {
        return Normalizer.normalize(code, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}\\p{Pd}]+", "")
                .toUpperCase(Locale.ROOT);
    }
}
