package io.dropflow.order.internal;

import io.dropflow.settlement.ActiveCurrency;
import io.dropflow.web.DecimalDigits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A consumer order as a storefront sends it. */
@Schema(description = "A paid consumer order from the storefront; it comes to less than 10^12 in its currency "
        + "(the sum of quantity × salePrice, and each line's), or it is refused with a 400 naming lines")
@PricedInMinorUnits
@OrderTotalWithinLedger
public record PlaceOrder(
        @Schema(description = "The storefront's own order id; the same order sent again under it returns the existing "
                + "order, another order under it is a 422 (storefront-order-id-reused)", example = "SHOP-1001")
        @NotBlank @Size(max = 100) String storefrontOrderId,
        @Schema(description = "ISO 4217 currency in circulation; sale prices have no more decimals than it has (JPY none)",
                example = "EUR") @NotBlank @ActiveCurrency String currency,
        @Schema(description = "Where the order was sold: WEBSHOP (default) or MARKETPLACE", example = "WEBSHOP")
        @Pattern(regexp = "WEBSHOP|MARKETPLACE", message = "must be WEBSHOP or MARKETPLACE") String channel,
        @NotNull @Valid ConsumerContact consumer,
        @Schema(description = "The consumer's home address; not given for a group-buy order") @Valid Address shippingAddress,
        @NotEmpty @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines,
        @Schema(description = "HOME_DELIVERY (default) or GROUP_BUY: the order joins the batch of its pickup point",
                example = "HOME_DELIVERY")
        @Pattern(regexp = "HOME_DELIVERY|GROUP_BUY", message = "must be HOME_DELIVERY or GROUP_BUY") String fulfillment,
        @Schema(description = "A group-buy order's pickup point (its code), instead of a shipping address",
                example = "DEMO-POINT")
        @Size(max = 64) String pickupPoint) {

    /** A pickup point makes a group-buy order, as does fulfillment GROUP_BUY. */
    @Schema(hidden = true)
    public boolean isGroupBuy() {
        return "GROUP_BUY".equals(fulfillment) || (fulfillment == null && pickupPoint != null);
    }

    @AssertTrue(message = "a home delivery needs a shippingAddress and no pickupPoint; a group-buy order a "
            + "pickupPoint and no shippingAddress")
    @Schema(hidden = true)
    public boolean isShippingAddressOrPickupPoint() {
        return isGroupBuy() ? pickupPoint != null && !pickupPoint.isBlank() && shippingAddress == null
                : shippingAddress != null && pickupPoint == null;
    }

    public record ConsumerContact(
            @Schema(example = "Erika Mustermann") @NotBlank @Size(max = 200) String name,
            @Schema(example = "erika@example.com") @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 40) String phone) {
    }

    public record Address(
            @Schema(example = "Erika Mustermann") @NotBlank @Size(max = 200) String name,
            @Schema(example = "Heidestrasse 17") @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Schema(example = "Köln") @NotBlank @Size(max = 100) String city,
            @Schema(example = "51147") @Size(max = 20) String postalCode,
            @Size(max = 100) String region,
            @Schema(example = "DE") @NotBlank @io.dropflow.web.CountryCode String country) {
    }

    public record Line(
            @Schema(example = "DEMO-MUG") @NotBlank @Size(max = 64) String sku,
            @Schema(example = "1") @Positive @Max(1000) int quantity,
            @Schema(description = "Unit price the consumer paid", example = "15.00")
            @NotNull @DecimalMin("0.00") @DecimalDigits(integer = 13, fraction = 4) BigDecimal salePrice) {
    }
}
