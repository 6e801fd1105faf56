package io.dropflow.returns;

import io.dropflow.returns.process.ReturnNegotiation;
import io.dropflow.settlement.Money;
import io.dropflow.supplier.Catalog;
import io.dropflow.supplier.SupplierView;
import java.math.BigDecimal;
import io.dropflow.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in suppliers' answers to return rounds and their inspections: recorded, then handed to the process. */
@Service
public class ReturnAnswers {

    /** What an event did. */
    public enum Result { APPLIED, ALREADY_RECEIVED, NOT_THE_CURRENT_ROUND }

    private final Returns returns;
    private final Catalog catalog;
    private final ReturnHistory history;
    private final ReturnNegotiation process;

    ReturnAnswers(Returns returns, Catalog catalog, ReturnHistory history, ReturnNegotiation process) {
        this.returns = returns;
        this.catalog = catalog;
        this.history = history;
        this.process = process;
    }

    @Transactional
    public Result answer(String supplierCode, ReturnAnswerEvent event) {
        ReturnRequest r = lockFor(supplierCode, event.returnId(), event.returnNumber());
        BigDecimal amount = event.amount() != null ? event.amount()
                : event.refundShare() == null ? null : r.getReturnedValue().multiply(event.refundShare());
        if (amount != null) {
            amount = Money.inMinorUnits(amount, r.getCurrency());
            if (amount.compareTo(r.getReturnedValue()) > 0) {
                throw new InvalidReturnException("the amount " + amount + " is more than the returned value "
                        + Money.inMinorUnits(r.getReturnedValue(), r.getCurrency()));
            }
        }
        if (!r.recordSupplierAnswer(event.round(), event.answer().name(), amount, event.reason())) {
            return event.round() == r.getRoundNo() ? Result.ALREADY_RECEIVED : Result.NOT_THE_CURRENT_ROUND;
        }
        history.record(r.getId(), "SUPPLIER", "Round " + event.round() + ": " + event.answer()
                + (amount == null ? "" : ", offering " + Money.format(amount, r.getCurrency()))
                + (event.reason() == null ? "" : " (" + event.reason() + ")"));
        process.supplierAnswered(r, "supplier-return:" + supplierCode, event.eventId(), event.answer().name());
        return Result.APPLIED;
    }

    @Transactional
    public Result inspected(String supplierCode, InspectionEvent event) {
        ReturnRequest r = lockFor(supplierCode, event.returnId(), event.returnNumber());
        if (!r.isGoodsReturned()) {
            throw new ReturnRefusedException("return " + r.number() + " has no return parcel to inspect (" + r.getStatus() + ")");
        }
        if (!r.recordInspection(event.result().name(), event.note())) {
            return Result.ALREADY_RECEIVED;
        }
        history.record(r.getId(), "SUPPLIER", "Inspected the returned parcel: " + event.result()
                + (event.note() == null ? "" : " (" + event.note() + ")"));
        process.inspectionReported(r, "supplier-inspection:" + supplierCode, event.eventId(), event.result().name());
        return Result.APPLIED;
    }

    private ReturnRequest lockFor(String supplierCode, Long returnId, String number) {
        SupplierView supplier = catalog.supplier(supplierCode);
        return returns.lockById(returnId).filter(r -> r.getSupplierId().equals(supplier.id()))
                .orElseThrow(() -> NotFound.of("return", number, "supplier " + supplierCode + " has no return " + number));
    }
}
