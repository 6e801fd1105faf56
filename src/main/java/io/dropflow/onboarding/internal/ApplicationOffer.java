package io.dropflow.onboarding.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One offer of the agreement an applicant proposes, in the agreement's currency. */
@Entity
@Table(name = "supplier_application_offer")
class ApplicationOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int lineNo;
    private String sku;
    private String supplierSku;
    private BigDecimal supplyPrice;
    private BigDecimal shippingCost;
    private int stock;
    private String shipFrom;
    private int shipByHours;
    private String category;

    protected ApplicationOffer() {
    }

    ApplicationOffer(int lineNo, ApplicationForm.ProposedOffer offer) {
        this.lineNo = lineNo;
        this.sku = offer.sku();
        this.supplierSku = offer.supplierSku();
        this.supplyPrice = offer.supplyPrice();
        this.shippingCost = offer.shippingCost();
        this.stock = offer.stock();
        this.shipFrom = offer.shipFrom();
        this.shipByHours = offer.shipByHours();
        this.category = offer.category();
    }

    int getLineNo() { return lineNo; }
    String getSku() { return sku; }
    String getSupplierSku() { return supplierSku; }
    BigDecimal getSupplyPrice() { return supplyPrice; }
    BigDecimal getShippingCost() { return shippingCost; }
    int getStock() { return stock; }
    String getShipFrom() { return shipFrom; }
    int getShipByHours() { return shipByHours; }
    String getCategory() { return category; }
}
