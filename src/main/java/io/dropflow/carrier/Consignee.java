package io.dropflow.carrier;

/**
 * What a tracking service may ask about who receives the parcel before it follows it: some carriers
 * show a parcel's tracking only to whoever knows the consignee's phone (Kuaidi100 for SF Express) or
 * postal code (17TRACK for carriers that require it). Any part may be null: not known.
 *
 * @param phone the consignee's phone, as the order has it
 * @param postalCode the postal code of the delivery address
 * @param country the delivery address's country, ISO 3166-1 alpha-2 (e.g. DE)
 */
public record Consignee(String phone, String postalCode, String country) {

    /** Nothing known of the consignee. */
    public static final Consignee UNKNOWN = new Consignee(null, null, null);

    /** Only the phone (what Dropflow passed before it knew postal codes). */
    public static Consignee ofPhone(String phone) {
        return new Consignee(phone, null, null);
    }

    static boolean known(String value) {
        return value != null && !value.isBlank();
    }

    public boolean hasPhone() {
        return known(phone);
    }

    public boolean hasPostalCode() {
        return known(postalCode);
    }

    public boolean hasCountry() {
        return known(country);
    }
}
