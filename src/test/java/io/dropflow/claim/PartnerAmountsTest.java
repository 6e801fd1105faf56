package io.dropflow.claim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.claim.internal.ClaimAnswerEvent;
import io.dropflow.claim.internal.PlatformDecision;
import io.dropflow.returns.ReturnAnswerEvent;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A partner's amount is any positive amount; the case's currency decides its decimals afterwards (0.005 KWD is
 * five fils, 0.5 JPY is refused there). A fixed floor of 0.01 refused valid amounts in three-decimal currencies
 * (explore-s13 aftersales D1: a supplier's 0.005 KWD alternative was a 400).
 */
class PartnerAmountsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final BigDecimal FIVE_FILS = new BigDecimal("0.005");

    @Test
    void aSuppliersClaimCompensationOfFiveFilsIsAnAmount() {
        assertThat(VALIDATOR.validate(new ClaimAnswerEvent("e-1", "DF-CL1", 1, SupplierClaimAnswer.COUNTER_OFFER,
                Remedy.COMPENSATION, FIVE_FILS, null))).isEmpty();
    }

    @Test
    void aPlatformsCompensationOfFiveFilsIsAnAmount() {
        assertThat(VALIDATOR.validate(new PlatformDecision("p-1", "DF-CL1", PlatformDecision.Verdict.SELLER_REFUNDS,
                Remedy.COMPENSATION, FIVE_FILS, null))).isEmpty();
    }

    @Test
    void aSuppliersReturnAlternativeOfFiveFilsIsAnAmount() {
        assertThat(VALIDATOR.validate(new ReturnAnswerEvent("y-8", "DF-RT10", 1, ReturnAnswerEvent.Answer.ALTERNATIVE,
                FIVE_FILS, null, null))).isEmpty();
    }

    @Test
    void zeroOrLessIsNoAmount() {
        assertThat(VALIDATOR.validate(new ClaimAnswerEvent("e-1", "DF-CL1", 1, SupplierClaimAnswer.COUNTER_OFFER,
                Remedy.COMPENSATION, BigDecimal.ZERO, null))).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("amount");
        assertThat(VALIDATOR.validate(new ReturnAnswerEvent("y-8", "DF-RT10", 1, ReturnAnswerEvent.Answer.ALTERNATIVE,
                new BigDecimal("-1"), null, null))).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("amount");
    }
}
