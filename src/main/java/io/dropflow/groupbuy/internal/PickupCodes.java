package io.dropflow.groupbuy.internal;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Pickup codes: eight characters a consumer can read out (no 0/O or 1/I), random so that nobody
 * guesses a neighbour's. Unique in the table; a clash (about one in 10^12) draws again. Upper case only, so a
 * code read out or typed in lower case is still one code: the pickup matches it in upper case ({@link Collection}).
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
}
