package io.dropflow.returns.process;

import static io.dropflow.returns.process.ReturnNegotiationProcess.CHANNEL;
import static io.dropflow.returns.process.ReturnNegotiationProcess.CONSUMER_ANSWER;
import static io.dropflow.returns.process.ReturnNegotiationProcess.CONSUMER_ANSWER_TIME;
import static io.dropflow.returns.process.ReturnNegotiationProcess.DECISION_TIME;
import static io.dropflow.returns.process.ReturnNegotiationProcess.ESCALATION_PRIORITY;
import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_ORDERED;
import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_SHIP_BY_HOURS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.EXCHANGE_TIME;
import static io.dropflow.returns.process.ReturnNegotiationProcess.INSPECTION_RESULT;
import static io.dropflow.returns.process.ReturnNegotiationProcess.INSPECTION_TIME;
import static io.dropflow.returns.process.ReturnNegotiationProcess.NEGOTIATION_ROUNDS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.OFFER_NO;
import static io.dropflow.returns.process.ReturnNegotiationProcess.ORDER_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.PROCESS_KEY;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_GROUPS;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_REASON;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_ROUND;
import static io.dropflow.returns.process.ReturnNegotiationProcess.RETURN_SHIPMENT_ID;
import static io.dropflow.returns.process.ReturnNegotiationProcess.SUPPLIER_ANSWER;
import static io.dropflow.returns.process.ReturnNegotiationProcess.SUPPLIER_ANSWER_TIME;
import static io.dropflow.returns.process.ReturnNegotiationProcess.TRACKING_STALL_TIME;
import static io.dropflow.returns.process.ReturnNegotiationProcess.WISH;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.processengine.OperatorWords;
import io.dropflow.returns.internal.ReturnSettings;
import io.dropflow.returns.internal.ReturnDeadlineTable;
import io.dropflow.returns.internal.ReturnProcess;
import io.dropflow.returns.internal.ReturnRequest;
import io.dropflow.returns.internal.Returns;
import io.dropflow.returns.process.ReturnNegotiationProcess.Message;
import io.dropflow.security.Groups;
import io.dropflow.supplier.PurchaseOrderEvent;
import io.dropflow.supplier.PurchaseOrderView;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place that starts return processes and hands them what suppliers, consumers and the
 * carrier send, through the {@link MessageInbox}: an early event is kept until the process waits
 * for it. Supplier answers are correlated by round, consumer answers by offer number, parcel
 * events by the return parcel's shipment.
 */
@Component
class ReturnNegotiation implements ReturnProcess {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final MessageInbox inbox;
    private final CaseHistory history;
    private final ReturnSettings settings;
    private final ReturnDeadlineTable deadlines;
    private final Returns returns;

    ReturnNegotiation(RuntimeService runtime, RepositoryService repository, MessageInbox inbox, CaseHistory history, ReturnSettings settings,
            ReturnDeadlineTable deadlines, Returns returns) {
        this.runtime = runtime;
        this.repository = repository;
        this.inbox = inbox;
        this.history = history;
        this.settings = settings;
        this.deadlines = deadlines;
        this.returns = returns;
    }

    @Override
    public String start(ReturnRequest r) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(RETURN_ID.name(), RETURN_ID.stored(r.getId()));
        variables.put(ORDER_ID.name(), ORDER_ID.stored(r.getOrderId()));
        variables.put(RETURN_REASON.name(), RETURN_REASON.stored(r.getReason()));
        variables.put(WISH.name(), WISH.stored(r.getWish()));
        variables.put(CHANNEL.name(), CHANNEL.stored(r.getChannel()));
        variables.put(RETURN_GROUPS.name(), RETURN_GROUPS.stored(Groups.OPERATORS));
        variables.put(RETURN_ROUND.name(), RETURN_ROUND.stored(0L));
        variables.put(OFFER_NO.name(), OFFER_NO.stored(0L));
        variables.put(EXCHANGE_ORDERED.name(), EXCHANGE_ORDERED.stored(false));
        // The waits from return-deadlines.dmn (analysts own it), fixed for this return when it starts.
        ReturnDeadlineTable.Deadlines d = deadlines.deadlinesFor(r.getChannel(), r.getReason());
        variables.put(NEGOTIATION_ROUNDS.name(), NEGOTIATION_ROUNDS.stored(d.negotiationRounds()));
        variables.put(SUPPLIER_ANSWER_TIME.name(), SUPPLIER_ANSWER_TIME.stored(settings.hours(d.supplierAnswerHours())));
        variables.put(CONSUMER_ANSWER_TIME.name(), CONSUMER_ANSWER_TIME.stored(settings.hours(d.consumerAnswerHours())));
        variables.put(INSPECTION_TIME.name(), INSPECTION_TIME.stored(settings.hours(d.inspectionHours())));
        variables.put(EXCHANGE_SHIP_BY_HOURS.name(), EXCHANGE_SHIP_BY_HOURS.stored(d.exchangeShipByHours()));
        variables.put(EXCHANGE_TIME.name(), EXCHANGE_TIME.stored(settings.hours(d.exchangeShipByHours())));
        variables.put(DECISION_TIME.name(), DECISION_TIME.stored(settings.hours(d.decideWithinHours())));
        variables.put(TRACKING_STALL_TIME.name(), TRACKING_STALL_TIME.stored(settings.hours(d.trackingStallHours())));
        variables.put(ESCALATION_PRIORITY.name(), ESCALATION_PRIORITY.stored(d.escalationPriority()));
        return runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(ReturnNegotiationProcess.businessKey(r.getId()))
                .setVariables(variables)
                .execute().getId();
    }

    @Override
    public boolean received(String source, String eventId) {
        return inbox.received(source, eventId);
    }

    @Override
    public void supplierAnswered(ReturnRequest r, String source, String eventId, String answer) {
        inbox.accept(new MessageInbox.Message(source, eventId, Message.SUPPLIER_ANSWERED.messageName(),
                ReturnNegotiationProcess.businessKey(r.getId()), RETURN_ROUND.name(), (long) r.getRoundNo(),
                Map.of(SUPPLIER_ANSWER.name(), answer)));
    }

    @Override
    public void consumerAnswered(ReturnRequest r, boolean accept) {
        inbox.accept(new MessageInbox.Message("consumer", r.number() + "-offer-" + r.getOfferNo(),
                Message.CONSUMER_ANSWERED.messageName(), ReturnNegotiationProcess.businessKey(r.getId()), OFFER_NO.name(),
                (long) r.getOfferNo(), Map.of(CONSUMER_ANSWER.name(), accept ? "ACCEPTED" : "DECLINED")));
    }

    @Override
    public void inspectionReported(ReturnRequest r, String source, String eventId, String result) {
        inbox.accept(new MessageInbox.Message(source, eventId, Message.INSPECTION_REPORTED.messageName(),
                ReturnNegotiationProcess.businessKey(r.getId()), null, null, Map.of(INSPECTION_RESULT.name(), result)));
    }

    /** The return parcel's tracking: arrival at the supplier, or a problem on the way. */
    @EventListener
    void on(ShipmentStatusChanged event) {
        if (event.returnId() == null) {
            return;
        }
        Message message;
        if (event.status() == TrackingStatus.DELIVERED) {
            message = Message.PARCEL_ARRIVED;
        } else if (event.status().isProblem()) {
            message = Message.PARCEL_PROBLEM;
        } else {
            return;
        }
        history.record(CaseKind.RETURN, event.returnId(), Party.CARRIER,
                "Return parcel: " + OperatorWords.of(event.status()));
        inbox.accept(new MessageInbox.Message("carrier", event.eventId(), message.messageName(),
                ReturnNegotiationProcess.businessKey(event.returnId()), RETURN_SHIPMENT_ID.name(), event.shipmentId(),
                Map.of()));
    }

    /** The inspection time passed without the supplier's report ({@link NoInspectionReport}): in the return's history. */
    void noInspectionReport(Long returnId) {
        history.record(CaseKind.RETURN, returnId, Party.DROPFLOW,
                "No inspection report from the supplier in time after the return parcel arrived: an operator decides");
    }

    /**
     * The exchange's purchase order: recorded in the return's history (the order view shows it too); its shipment,
     * and its end without goods (declined, out of stock, or cancelled), go to the return's process through the
     * inbox, which waits for one of them once the exchange is ordered and the goods are settled. One that comes
     * early is kept until then; a second, or one after the process ended, is never awaited (the inbox marks it so):
     * the return refunds at most once, under its own key. A failure after the return ended is said in its history,
     * as nobody refunds it then; so is one while the return runs on an earlier version of its process that does not
     * wait for the exchange (review M3 of session 11).
     */
    @EventListener
    void on(PurchaseOrderEvent event) {
        if (event.returnId() == null) {
            return;
        }
        history.record(CaseKind.RETURN, event.returnId(), Party.SUPPLIER, "Exchange purchase order: "
                + io.dropflow.processengine.OperatorWords.of(event.type())
                + (event.trackingNumber() == null ? "" : ", " + event.carrierCode() + " " + event.trackingNumber()));
        Message message = switch (event.type()) {
            case SHIPPED -> Message.EXCHANGE_SHIPPED;
            case REJECTED, OUT_OF_STOCK, CANCELLATION_ACCEPTED -> Message.EXCHANGE_FAILED;
            case ACCEPTED, CANCELLATION_REFUSED -> null;
        };
        if (message == null) {
            return;
        }
        ReturnRequest r = returns.get(event.returnId());
        if (message == Message.EXCHANGE_FAILED && !r.getStatus().isOpen()) {
            history.record(CaseKind.RETURN, event.returnId(), Party.DROPFLOW, "The exchange failed after the return ended ("
                    + OperatorWords.of(r.getStatus()) + "): nothing is refunded for it here; an operator settles it with"
                    + " the consumer");
        } else if (message == Message.EXCHANGE_FAILED && !awaitsExchange(event.returnId())) {
            history.record(CaseKind.RETURN, event.returnId(), Party.DROPFLOW, "The exchange failed (" + OperatorWords.of(event.type())
                    + ") while the return runs on an earlier version of its process, which does not wait for it: nothing"
                    + " is refunded for it here; an operator settles it with the consumer");
        }
        inbox.accept(new MessageInbox.Message("supplier", event.eventId(), message.messageName(),
                ReturnNegotiationProcess.businessKey(event.returnId()), null, null, Map.of()));
    }

    /**
     * Whether the return's process waits for its exchange: a return started on a {@code return_negotiation} version
     * from before "Await exchange shipment" completes "with" an exchange that failed, so an operator must settle it.
     * A return with no running process (not started yet) is not said to be on an earlier version.
     */
    private boolean awaitsExchange(Long returnId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(ReturnNegotiationProcess.businessKey(returnId)).list().stream()
                .allMatch(instance -> repository.getBpmnModelInstance(instance.getProcessDefinitionId())
                        .getModelElementById(ReturnNegotiationProcess.Element.AWAIT_EXCHANGE.id()) != null);
    }

    /**
     * The exchange's purchase order ended without goods, and the return took it ({@link RefundInsteadOfExchange}):
     * its history says the consumer is refunded per policy instead.
     */
    void refundInsteadOfExchange(Long returnId, PurchaseOrderView exchange) {
        history.record(CaseKind.RETURN, returnId, Party.DROPFLOW, "The exchange failed (purchase order "
                + exchange.number() + ": " + OperatorWords.of(exchange.status()) + "): the consumer is refunded per policy"
                + " instead");
    }

    /**
     * The exchange did not ship in time ({@link CancelLateExchange}): its supplier was asked to cancel it, and the
     * cancellation stands without its answer; the return's history says so.
     */
    void lateExchangeCancelled(Long returnId, PurchaseOrderView exchange) {
        history.record(CaseKind.RETURN, returnId, Party.DROPFLOW, "The exchange did not ship in time: purchase order "
                + exchange.number() + " is cancelled (" + OperatorWords.of(exchange.status()) + "); the consumer is refunded"
                + " per policy instead");
    }

    /**
     * The exchange had shipped by the time the goods were settled ({@link CheckExchangeOrder}): the return completes
     * with it at once.
     */
    void exchangeShippedAlready(Long returnId, PurchaseOrderView exchange) {
        history.record(CaseKind.RETURN, returnId, Party.DROPFLOW, "The exchange has shipped (purchase order "
                + exchange.number() + "): the return completes with it, no refund");
    }

    /** The late exchange shipped before its cancellation ({@link CancelLateExchange}): the return completes with it. */
    void lateExchangeShipped(Long returnId, PurchaseOrderView exchange) {
        history.record(CaseKind.RETURN, returnId, Party.DROPFLOW, "The exchange shipped late (purchase order "
                + exchange.number() + "), before it could be cancelled: the return completes with it, no refund");
    }
}
