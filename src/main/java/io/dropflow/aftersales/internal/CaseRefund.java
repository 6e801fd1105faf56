package io.dropflow.aftersales.internal;

import io.dropflow.aftersales.CaseKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The consumer's refund for one claim or return: what was paid back, in the case's currency, and when. */
@Entity
@Table(name = "case_refund")
class CaseRefund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private CaseKind caseKind;
    private Long caseId;
    private Long orderId;
    private BigDecimal amount;
    private String currency;
    private Instant paidAt;

    protected CaseRefund() {
    }

    CaseRefund(CaseKind caseKind, Long caseId, Long orderId, BigDecimal amount, String currency, Instant paidAt) {
        this.caseKind = caseKind;
        this.caseId = caseId;
        this.orderId = orderId;
        this.amount = amount;
        this.currency = currency;
        this.paidAt = paidAt;
    }

    CaseKind getCaseKind() { return caseKind; }
    Long getCaseId() { return caseId; }
    BigDecimal getAmount() { return amount; }
    String getCurrency() { return currency; }
    boolean isOf(CaseKind kind, Long id) { return caseKind == kind && caseId.equals(id); }
}
