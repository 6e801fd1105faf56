package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.PARTIAL_REFUND;
import static io.dropflow.returns.process.ReturnNegotiationProcess.REFUND_BASIS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.ReturnAccounting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the refund on the basis return-refund-basis.dmn gives (analysts own it): per policy, the
 * alternative the consumer accepted, or an operator's partial refund; and records what the table says
 * the supplier credits for the goods that came back, which the return's booking follows.
 */
@Component("settleReturnRefund")
class SettleReturnRefund implements JavaDelegate {

    private final ReturnAccounting accounting;
    private final ReturnRefundBasisDecision refundBases;

    SettleReturnRefund(ReturnAccounting accounting, ReturnRefundBasisDecision refundBases) {
        this.accounting = accounting;
        this.refundBases = refundBases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRefundBasisDecision.Settlement settlement = refundBases.decide(execution,
                accounting.supplierAgreedToTakeGoodsBack(RETURN_ID.from(execution)));
        REFUND_BASIS.set(execution, settlement.refundBasis());
        accounting.decideSupplierCredit(RETURN_ID.from(execution), settlement.supplierCredit(), settlement.why());
        accounting.settleRefund(RETURN_ID.from(execution), REFUND_BASIS.from(execution), PARTIAL_REFUND.from(execution, null));
    }
}
