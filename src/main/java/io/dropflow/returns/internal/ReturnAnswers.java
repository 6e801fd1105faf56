package io.dropflow.returns.internal;

import io.dropflow.returns.InvalidReturnException;
import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.aftersales.SupplierRounds;
import io.dropflow.returns.ReturnAnswerEvent;
import io.dropflow.returns.ReturnRefusedException;
import io.dropflow.settlement.Currencies;
import io.dropflow.settlement.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes in suppliers' answers to return rounds and their inspections: recorded, then handed to the process. */
@Service
public class ReturnAnswers {

    private static final Logger log = LoggerFactory.getLogger(ReturnAnswers.class);

    /**
     * What an event did. KEPT: an inspection report that came before the return parcel arrived, kept
     * until it does (then taken as reported).
     */
    public enum Result { APPLIED, KEPT, ALREADY_RECEIVED, NOT_THE_CURRENT_ROUND }

    private final Returns returns;
    private final SupplierRounds rounds;
    private final CaseHistory history;
    private final ReturnProcess process;
    private final Clock clock;

    ReturnAnswers(Returns returns, SupplierRounds rounds, CaseHistory history, ReturnProcess process, Clock clock) {
        this.returns = returns;
        this.rounds = rounds;
        this.history = history;
        this.process = process;
        this.clock = clock;
    }

    /** An alternative's amount may be given as a share of the returned value. */
    @Transactional
    public Result answer(String supplierCode, ReturnAnswerEvent event) {
        ReturnRequest r = rounds.caseAnswered(supplierCode, CaseKind.RETURN, event.returnNumber(), returns::lockById);
        if (event.amount() != null && Currencies.hasMoreDecimals(event.amount(), r.getCurrency())) {
            // Rounding it would agree to an amount the supplier did not offer (a share is computed, and rounded)
            throw new InvalidReturnException("the amount " + Currencies.moreDecimalsThan(event.amount(), r.getCurrency()));
        }
        BigDecimal amount = event.amount() != null ? event.amount()
                : event.refundShare() == null ? null : r.getReturnedValue().multiply(event.refundShare());
        if (amount != null) {
            amount = Money.inMinorUnits(amount, r.getCurrency());
            if (amount.compareTo(r.getReturnedValue()) > 0) {
                throw new InvalidReturnException("the amount " + Money.format(amount, r.getCurrency())
                        + " is more than the returned value " + Money.format(r.getReturnedValue(), r.getCurrency()));
            }
        }
        // Ended, or gone on to the seller without this answer: "APPLIED" would be untrue, and no process would read it
        r.tooLateFor(event.round()).ifPresent(why -> {
            throw refused(r, supplierCode, event.eventId(), event, why);
        });
        String source = "supplier-return:" + supplierCode;
        if (r.awaitsAnswerTo(event.round()) && process.received(source, event.eventId())) {
            // eventId is unique per supplier: the same id is a redelivery, whatever it says now. Recording other
            // content would answer the return while the inbox, which knows the id, kept its process from hearing it.
            return Result.ALREADY_RECEIVED;
        }
        if (!r.awaitsAnswerTo(event.round())
                || !r.recordSupplierAnswer(event.round(), event.answer(), amount, event.reason(), clock.instant())) {
            // Not awaited: a redelivery, the answer recorded sent again or another round's answer while the
            // return is open change nothing; one that contradicts the answer recorded, or comes after the end, is refused
            Optional<String> refused = r.refusedAnswerTo(event.round(), r.answeredWith(event.round(), event.answer(), amount),
                    event.answer() + (amount == null ? "" : " " + Money.format(amount, r.getCurrency())));
            if (refused.isPresent() && !process.received(source, event.eventId())) {
                throw refused(r, supplierCode, event.eventId(), event, refused.get());
            }
            return event.round() == r.getRoundNo() ? Result.ALREADY_RECEIVED : Result.NOT_THE_CURRENT_ROUND;
        }
        rounds.answered(r, event.round(), event.answer(), amount == null ? null : Money.format(amount, r.getCurrency()),
                event.reason());
        process.supplierAnswered(r, source, event.eventId(), event.answer().name());
        return Result.APPLIED;
    }

    /**
     * The supplier's inspection report. Taken when the return waits for it (its parcel arrived); one that
     * comes earlier, before the carrier delivered the parcel, is kept (recorded, its message pending) and
     * taken when the parcel arrives ({@link #inspectionTaken}). Only the first report counts.
     */
    @Transactional
    public Result inspected(String supplierCode, InspectionEvent event) {
        ReturnRequest r = rounds.caseAnswered(supplierCode, CaseKind.RETURN, event.returnNumber(), returns::lockById);
        // After "No inspection" fired (or the parcel's problem) an operator decides without it: "APPLIED" would be untrue
        r.tooLateForInspection().ifPresent(why -> {
            throw refused(r, supplierCode, event.eventId(), event, why);
        });
        String source = "supplier-inspection:" + supplierCode;
        if (r.getInspectionResult() == null && process.received(source, event.eventId())) {
            return Result.ALREADY_RECEIVED; // an id taken before, for another return: a redelivery
        }
        // Reported already: the same result sent again, or the same event (its id taken), changes nothing; another
        // result contradicts the one recorded (or kept)
        Optional<String> refused = r.refusedInspection(event.result().name());
        if (refused.isPresent() && !process.received(source, event.eventId())) {
            throw refused(r, supplierCode, event.eventId(), event, refused.get());
        }
        if (!r.recordInspection(event.result().name(), event.note(), clock.instant())) {
            return Result.ALREADY_RECEIVED;
        }
        // Awaited: the process takes it at once (taken here too, for returns on a model without "Inspection
        // reported"'s listener); otherwise kept, and taken when the parcel has arrived
        boolean awaited = r.awaitsInspection();
        if (awaited) {
            take(r);
        } else {
            history.record(r, Party.SUPPLIER, "Inspection report kept until the return parcel arrives: "
                    + io.dropflow.processengine.OperatorWords.of(event.result()) + (event.note() == null ? "" : " (" + event.note() + ")"));
        }
        process.inspectionReported(r, source, event.eventId(), event.result().name());
        return awaited ? Result.APPLIED : Result.KEPT;
    }

    /**
     * The process took the inspection report (its parcel had arrived): from now on it is the return's
     * inspection, in its history and views. Taking it again changes nothing.
     */
    @Transactional
    public void inspectionTaken(Long returnId) {
        take(returns.locked(returnId));
    }

    private void take(ReturnRequest r) {
        if (r.takeInspection(clock.instant())) {
            history.record(r, Party.SUPPLIER, "Inspected the returned parcel: "
                    + io.dropflow.processengine.OperatorWords.ofCode(r.getInspectionResult())
                    + (r.getInspectionNote() == null ? "" : " (" + r.getInspectionNote() + ")"));
        }
    }

    /** Refused, changing nothing: logged with what it said, as the supplier is told why. */
    private static ReturnRefusedException refused(ReturnRequest r, String supplierCode, String eventId, Object event,
            String why) {
        log.warn("Supplier {} event {} on {} refused ({}): {}", supplierCode, eventId, r.number(), event, why);
        return new ReturnRefusedException(why, r.number(), r.getStatus().name());
    }
}
