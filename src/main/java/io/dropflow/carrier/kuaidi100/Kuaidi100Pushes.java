package io.dropflow.carrier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.ParcelFact;
import io.dropflow.carrier.internal.PushedHistory;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.Tracking;
import io.dropflow.partners.DeliveryHandler;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Kuaidi100's pushes taken in (https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c):
 * <ul>
 * <li>{@code polling}/{@code shutdown}/{@code updateall}: the records become tracking events.
 * <li>{@code abort}: Kuaidi100 stopped following the parcel ("3天查询无记录", "60天无变化"). Kuaidi100 asks
 *     to subscribe again half an hour later once the company code and number are checked; Dropflow does so
 *     from the retries of the recorded push (never while Kuaidi100 waits for our answer), with the phone
 *     the parcel was first subscribed with (a fifth subscription in a month is refused as a duplicate and
 *     counts as done; the polling fallback and the silence timer remain). An abort that names
 *     {@code comNew} means Kuaidi100 found our company code wrong and subscribed the number again itself
 *     under the corrected one: Dropflow does not subscribe the wrong company again, and takes the
 *     corrected pushes by their {@code comOld}.
 * <li>{@code autoCheck=1} with {@code comOld}/{@code comNew}: Kuaidi100 corrected the company code;
 *     the push is matched by the company we subscribed with.
 * </ul>
 * A parcel no shipment of ours has is parked and retried, then shown to an operator.
 */
@Component
class Kuaidi100Pushes implements DeliveryHandler {

    static final String PARTNER = "kuaidi100";
    /** "隔半小时再发起该单的订阅": how long after an abort Kuaidi100 wants the number subscribed again. */
    static final java.time.Duration RESUBSCRIBE_AFTER = java.time.Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(Kuaidi100Pushes.class);

    private final Kuaidi100Settings settings;
    private final Kuaidi100Client client;
    private final Tracking tracking;
    private final java.time.Clock clock;

    Kuaidi100Pushes(Kuaidi100Settings settings, Kuaidi100Client client, Tracking tracking, java.time.Clock clock) {
        this.settings = settings;
        this.client = client;
        this.tracking = tracking;
        this.clock = clock;
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public Result handle(Delivery delivery) {
        JsonNode root;
        try {
            root = delivery.json();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Result.unusable("param is not one JSON value: " + e.getOriginalMessage());
        }
        JsonNode last = root.path("lastResult");
        String company = last.path("com").asText("");
        String number = last.path("nu").asText("");
        // autoCheck: Kuaidi100 corrected the company; we know the parcel by the one we subscribed with.
        String ours = settings.carrierFor(company).or(() -> settings.carrierFor(root.path("comOld").asText("")))
                .or(() -> settings.carrierFor(last.path("comOld").asText(""))).orElse(null);
        if ("abort".equals(root.path("status").asText())) {
            if (ours == null || !PushedText.isTrackingNumber(number)) {
                return Result.unusable("abort for unknown company '" + company + "' or number");
            }
            return abort(root, ours, company, number, delivery);
        }
        if (ours == null || !PushedText.isTrackingNumber(number) || !last.path("data").isArray()) {
            return Result.unusable("unknown company '" + company + "' or no number or records");
        }
        List<CarrierEvent> events;
        try {
            events = Kuaidi100Tracks.events(ours, number, last);
        } catch (IllegalArgumentException badTime) {
            return Result.unusable(badTime.getMessage());
        }
        return PushedHistory.take(tracking, events, "records", ours, number);
    }

    /**
     * A parcel's pushes are one fact: the parcel, by the carrier we follow it with (or the company code Kuaidi100
     * sent, where we have no carrier for it), so its pushes no shipment has by their deadline are one operator task.
     */
    @Override
    public Optional<String> sameFact(Delivery delivery) {
        return ParcelFact.of(delivery.payload(), root -> {
            JsonNode last = root.path("lastResult");
            String company = last.path("com").asText("");
            String number = last.path("nu").asText("");
            if (!PushedText.isTrackingNumber(number)) {
                return null;
            }
            return new ParcelFact(settings.carrierFor(company).or(() -> settings.carrierFor(root.path("comOld").asText("")))
                    .or(() -> settings.carrierFor(last.path("comOld").asText(""))).orElse(PARTNER + ":" + company), number);
        });
    }

    /**
     * Kuaidi100's push page (the push's status field, as Kuaidi100's own SDK kuaidi100-api/java-demo
     * documents it in SubscribePushParamResp): abort comes with "3天查询无记录" or "60天无变化"; to keep
     * following the parcel, check company and number and subscribe again half an hour later. When
     * Kuaidi100 corrected a wrong company code it sends abort with comNew, having subscribed the number
     * itself under the corrected code (https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c).
     */
    private Result abort(JsonNode root, String ours, String company, String number, Delivery delivery) {
        String why = root.path("message").asText("");
        String subscribed = settings.companyFor(ours).orElse(company);
        String comNew = root.path("comNew").asText("").trim();
        if (!comNew.isEmpty() && !comNew.equalsIgnoreCase(subscribed)) {
            log.info("Kuaidi100 follows {} {} as {} now (our code {} was wrong): not subscribed again", ours, number,
                    comNew, subscribed);
            return Result.taken("Kuaidi100 corrected " + subscribed + " to " + comNew + " and follows " + number
                    + " itself; not subscribed again");
        }
        // "仍需继续跟踪": only a parcel still on its way needs following again
        java.util.Optional<io.dropflow.carrier.TrackingStatus> status = tracking.status(ours, number);
        if (status.isPresent() && status.get().isJourneyOver()) {
            return Result.taken("Kuaidi100 stopped following " + ours + " " + number + " (" + why + "), "
                    + status.get() + " already: not subscribed again");
        }
        // a delivery whose arrival is not known is due at its first retry
        java.time.Instant due = delivery.receivedAt() == null ? clock.instant() : delivery.receivedAt().plus(RESUBSCRIBE_AFTER);
        if (delivery.attempts() == 0 || clock.instant().isBefore(due)) {
            // not inside Kuaidi100's push (it waits for our answer), and not before Kuaidi100 wants it
            return Result.notYet("Kuaidi100 stopped following " + ours + " " + number + " (" + why
                    + "); subscribed again from " + due + ", half an hour after the abort, as Kuaidi100 asks");
        }
        log.warn("Kuaidi100 stopped following {} {} ({}): subscribing again", ours, number, why);
        client.resubscribe(subscribed, number, tracking.consigneePhone(ours, number).orElse(null));
        return Result.taken("subscribed again after abort: " + why);
    }
}
