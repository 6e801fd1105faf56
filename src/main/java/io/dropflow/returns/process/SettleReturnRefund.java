package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.Variables;

import io.dropflow.returns.ReturnHistory;
import io.dropflow.returns.ReturnRequest;
import io.dropflow.returns.ReturnSettings;
import io.dropflow.returns.Returns;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the refund: per policy (the returned value less the restocking fee, less the label when
 * the consumer pays it), the alternative the consumer accepted, or the partial refund an operator
 * decided after a dispute ({@code refundBasis} POLICY, OFFER or PARTIAL).
 */
@Component("settleReturnRefund")
class SettleReturnRefund implements JavaDelegate {

    private final Returns returns;
    private final ReturnHistory history;
    private final ReturnSettings settings;

    SettleReturnRefund(Returns returns, ReturnHistory history, ReturnSettings settings) {
        this.returns = returns;
        this.history = history;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReturnRequest r = returns.lockById((Long) execution.getVariable(Variables.RETURN_ID)).orElseThrow();
        String basis = (String) execution.getVariable(Variables.REFUND_BASIS);
        BigDecimal amount = switch (basis) {
            case "OFFER" -> r.getOfferAmount();
            case "PARTIAL" -> new BigDecimal(execution.getVariable(Variables.PARTIAL_REFUND).toString());
            default -> r.refundPerPolicy(settings.labelCost());
        };
        amount = Money.inMinorUnits(amount, r.getCurrency());
        r.settleRefund(amount);
        history.record(r.getId(), "DROPFLOW", "Refund: " + Money.format(amount, r.getCurrency()) + " ("
                + switch (basis) {
                    case "OFFER" -> "the alternative the consumer accepted";
                    case "PARTIAL" -> "decided after a dispute";
                    default -> "per policy";
                } + ")");
    }
}
