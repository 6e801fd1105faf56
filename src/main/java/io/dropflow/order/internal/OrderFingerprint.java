package io.dropflow.order.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a storefront order means, field by field: each field's value normalized (text trimmed and in
 * Unicode NFC, a blank text as none, currency and country in capitals, the e-mail in small letters,
 * a price without trailing zeros, the defaults a missing channel or fulfillment stands for) and kept
 * as a SHA-256 digest, under the field's path as the API names it ({@code lines[0].quantity},
 * {@code shippingAddress.city}). Stored with the order when it is taken, so that the same
 * storefrontOrderId sent again is told apart: the same order (a retry) or another one (the fields that
 * differ). Lines keep their order: claims and returns name a line by its number.
 */
final class OrderFingerprint {

    private static final String ENTRY = ";";
    private static final String VALUE = "=";
    private static final int DIGEST_HEX = 16;

    private final Map<String, String> digests;

    private OrderFingerprint(Map<String, String> digests) {
        this.digests = digests;
    }

    static OrderFingerprint of(PlaceOrder order) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "currency", upper(order.currency()));
        put(fields, "channel", order.channel() == null ? "WEBSHOP" : order.channel());
        put(fields, "fulfillment", order.isGroupBuy() ? Order.GROUP_BUY : Order.HOME_DELIVERY);
        put(fields, "pickupPoint", order.pickupPoint());
        var consumer = order.consumer();
        put(fields, "consumer.name", consumer.name());
        put(fields, "consumer.email", consumer.email() == null ? null : consumer.email().toLowerCase(Locale.ROOT));
        put(fields, "consumer.phone", consumer.phone());
        var address = order.shippingAddress();
        if (address != null) {
            put(fields, "shippingAddress.name", address.name());
            put(fields, "shippingAddress.line1", address.line1());
            put(fields, "shippingAddress.line2", address.line2());
            put(fields, "shippingAddress.city", address.city());
            put(fields, "shippingAddress.postalCode", address.postalCode());
            put(fields, "shippingAddress.region", address.region());
            put(fields, "shippingAddress.country", upper(address.country()));
        }
        for (int i = 0; i < order.lines().size(); i++) {
            PlaceOrder.Line line = order.lines().get(i);
            put(fields, "lines[" + i + "].sku", line.sku());
            put(fields, "lines[" + i + "].quantity", Integer.toString(line.quantity()));
            put(fields, "lines[" + i + "].salePrice", plain(line.salePrice()));
        }
        return new OrderFingerprint(fields);
    }

    /** As {@link #stored()} wrote it; none for an order taken before fingerprints were kept. */
    static Optional<OrderFingerprint> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> digests = new LinkedHashMap<>();
        for (String entry : stored.split(ENTRY)) {
            int at = entry.indexOf(VALUE);
            digests.put(entry.substring(0, at), entry.substring(at + 1));
        }
        return Optional.of(new OrderFingerprint(digests));
    }

    /** {@code path=digest;…}, in the API's field order. */
    String stored() {
        List<String> entries = new ArrayList<>();
        digests.forEach((path, digest) -> entries.add(path + VALUE + digest));
        return String.join(ENTRY, entries);
    }

    /** The paths of the fields whose meaning differs (one side without the field included), sorted. */
    List<String> differingFields(OrderFingerprint other) {
        TreeSet<String> paths = new TreeSet<>(digests.keySet());
        paths.addAll(other.digests.keySet());
        paths.removeIf(path -> Objects.equals(digests.get(path), other.digests.get(path)));
        return List.copyOf(paths);
    }

    private static void put(Map<String, String> fields, String path, String value) {
        String normalized = value == null ? null : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (normalized != null && !normalized.isEmpty()) {
            fields.put(path, digest(normalized));
        }
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
