package io.dropflow.carrier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierEvent;
import io.dropflow.carrier.PushedText;
import io.dropflow.carrier.Tracking;
import io.dropflow.partners.DeliveryHandler;
import io.dropflow.web.NotFound;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Kuaidi100's pushes taken in (https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc):
 * <ul>
 * <li>{@code polling}/{@code shutdown}/{@code updateall}: the records become tracking events.
 * <li>{@code abort}: Kuaidi100 stopped following the parcel (no record for days); its page says to
 *     subscribe again, which Dropflow does (a fifth subscription in a month is refused as a duplicate
 *     and counts as done; the polling fallback and the silence timer remain).
 * <li>{@code autoCheck=1} with {@code comOld}/{@code comNew}: Kuaidi100 corrected the company code;
 *     the push is matched by the company we subscribed with.
 * </ul>
 * A parcel no shipment of ours has is parked and retried, then shown to an operator.
 */
@Component
class Kuaidi100Pushes implements DeliveryHandler {

    static final String PARTNER = "kuaidi100";
    private static final Logger log = LoggerFactory.getLogger(Kuaidi100Pushes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kuaidi100Settings settings;
    private final Kuaidi100Client client;
    private final Tracking tracking;

    Kuaidi100Pushes(Kuaidi100Settings settings, Kuaidi100Client client, Tracking tracking) {
        this.settings = settings;
        this.client = client;
        this.tracking = tracking;
    }

    @Override
    public String partner() {
        return PARTNER;
    }

    @Override
    public Result handle(Delivery delivery) {
        JsonNode root;
        try {
            root = JSON.readTree(delivery.payload());
        } catch (java.io.IOException e) {
            return Result.unusable("param is not JSON");
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
            log.warn("Kuaidi100 stopped following {} {} ({}): subscribing again", company, number, root.path("message").asText());
            client.resubscribe(settings.companyFor(ours).orElse(company), number,
                    tracking.consigneePhone(ours, number).orElse(null));
            return Result.taken("subscribed again after abort: " + root.path("message").asText());
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
        try {
            events.forEach(tracking::receive);
        } catch (NotFound unknown) {
            return Result.notYet("no shipment of ours is " + ours + " " + number + " (yet)");
        }
        return Result.taken(events.size() + " records of " + ours + " " + number);
    }
}
