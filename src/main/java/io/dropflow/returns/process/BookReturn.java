package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.REFUND_BASIS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;

import io.dropflow.returns.internal.RefundBasis;
import io.dropflow.returns.internal.ReturnAccounting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Books the return's money on the order's ledger, once per return, and completes the return. An exchange settled
 * no refund, so return-refund-basis.dmn decides here what the supplier credits for the goods that came back, and
 * (exchange_shipping_bearer, beside it) whether the supplier bears the exchange's shipping.
 */
@Component("bookReturn")
class BookReturn implements JavaDelegate {

    private final ReturnAccounting accounting;
    private final ReturnRefundBasisDecision refundBases;

    BookReturn(ReturnAccounting accounting, ReturnRefundBasisDecision refundBases) {
        this.accounting = accounting;
        this.refundBases = refundBases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RefundBasis basis = REFUND_BASIS.from(execution, null);
        boolean supplierBearsExchangeShipping = false;
        if (basis == null) { // an exchange: 'Settle refund' did not run
            ReturnRefundBasisDecision.Settlement settlement = refundBases.decide(execution,
                    accounting.supplierAgreedToTakeGoodsBack(RETURN_ID.from(execution)));
            accounting.decideSupplierCredit(RETURN_ID.from(execution), settlement.supplierCredit(), settlement.why());
            supplierBearsExchangeShipping = refundBases.supplierBearsExchangeShipping(
                    accounting.exchangeShippingFacts(RETURN_ID.from(execution)));
        }
        accounting.book(RETURN_ID.from(execution), basis, supplierBearsExchangeShipping);
    }
}
