package io.dropflow.carrier.track17;

import io.dropflow.carrier.internal.CarrierCallHeldBack;
import io.dropflow.carrier.CarrierAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierUnavailableException;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.TrackingRegistrationRefused;
import io.dropflow.partners.PartnerBinding;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 17TRACK's register and gettrackinfo, JSON with the {@code 17token} header. Registration goes in
 * batches of at most {@link #BATCH} numbers, as 17TRACK takes them; a number registered before
 * counts as done. Network failures, timeouts, 429 and 5xx are worth retrying; a refused number or
 * a refused key is not, and says so.
 */
@Component
@Order(2)
public class Track17Client implements CarrierAdapter, PartnerBinding {

    /** 17TRACK takes at most this many numbers per request. */
    static final int BATCH = 40;
    /** "The tracking number is already registered." */
    static final int ALREADY_REGISTERED = -18019901;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "Internal service error, please retry later" (17TRACK's error codes): retried, not refused. */
    static final int RETRY_LATER = -18010003;

    /**
     * Refusals of the number itself, which a retry does not change (17TRACK's error codes, Error Codes and
     * Troubleshooting): -18010011 "The value of data {0} is invalid", -18010012 "The format of data {0} is invalid",
     * -18019903 "Carrier cannot be detected": {@link TrackingRegistrationRefused}, so that the order goes on (its
     * storefront gets the number) and the silent parcel reaches an operator. Account and request errors stay incidents.
     */
    static final java.util.Set<Integer> NUMBER_REFUSED = java.util.Set.of(-18010011, -18010012, -18019903);

    /** What a refused number lacks, as the order's timeline says it ("… without the …"). */
    static final String VALID_NUMBER = "valid tracking number for its carrier";

    private final Track17Settings settings;
    private final HttpClient http;
    private final io.dropflow.partners.PartnerCalls calls;

    Track17Client(Track17Settings settings, io.dropflow.partners.PartnerCalls calls) {
        this.settings = settings;
        this.calls = calls;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .build();
    }

    /** Carriers listed for 17TRACK without the account's key. */
    @Override
    public List<Unbound> unbound() {
        return settings.unbound();
    }

    @Override
    public boolean follows(String carrierCode) {
        return settings.carrierNumber(carrierCode).isPresent();
    }

    /**
     * A parcel to register, with what is known of its consignee (for the carriers 17TRACK follows only with
     * a postal code or phone: {@link Track17Params}).
     */
    public record Parcel(String carrierCode, String trackingNumber, Consignee consignee) {

        public Parcel(String carrierCode, String trackingNumber) {
            this(carrierCode, trackingNumber, null);
        }
    }

    /** With what the order knows of the consignee, which 17TRACK asks for for some carriers. */
    @Override
    public void register(String carrierCode, String trackingNumber, Consignee consignee) {
        register(List.of(new Parcel(carrierCode, trackingNumber, consignee)));
    }

    /**
     * Registers the parcels, {@link #BATCH} at a time. A number 17TRACK refuses because its carrier needs a postal
     * code, a country and postal code, or a phone (-18010018/-18010019/-18010020) is registered again at once with
     * that as {@code param}, from what is known of its consignee; without it, or when 17TRACK refuses the value
     * too, {@link TrackingRegistrationRefused} names what is missing (a retry would change nothing).
     */
    public void register(List<Parcel> parcels) {
        for (int from = 0; from < parcels.size(); from += BATCH) {
            List<Parcel> batch = parcels.subList(from, Math.min(parcels.size(), from + BATCH));
            List<Map<String, Object>> body = new ArrayList<>();
            for (Parcel p : batch) {
                body.add(entry(p, null));
            }
            Refusals refusals = refusals(post("register", "/register", body), "register");
            List<Map<String, Object>> again = new ArrayList<>();
            List<TrackingRegistrationRefused> missing = new ArrayList<>();
            for (Refusal needs : refusals.needParam()) {
                // a number comes back in the case 17TRACK keeps it in, not always the one it was registered in
                Parcel parcel = batch.stream().filter(p -> p.trackingNumber().equalsIgnoreCase(needs.number()))
                        .findFirst().orElse(null);
                java.util.Optional<String> param = parcel == null ? java.util.Optional.empty()
                        : Track17Params.param(needs.code(), needs.message(), parcel.consignee());
                if (param.isPresent()) {
                    again.add(entry(parcel, param.get()));
                } else {
                    missing.add(lacking(parcel == null ? "?" : parcel.carrierCode(), needs,
                            "Dropflow has no " + Track17Params.wanted(needs.code()) + " for it"
                                    + (needs.code() == Track17Params.NEEDS_COUNTRY_AND_POSTAL_CODE
                                            ? " (or 17TRACK's answer shows no example of the value)" : "")));
                }
            }
            if (!again.isEmpty()) {
                Refusals second = refusals(post("register", "/register", again), "register with param");
                for (Refusal still : second.needParam()) {
                    // the value itself stays out of the message: it is the consignee's data
                    missing.add(lacking(carrierOf(batch, still.number()), still,
                            "17TRACK did not accept the " + Track17Params.wanted(still.code()) + " Dropflow sent"));
                }
                refusals.others().addAll(second.others());
                refusals.numbers().addAll(second.numbers());
            }
            for (Refusal refused : refusals.numbers()) {
                missing.add(new TrackingRegistrationRefused(carrierOf(batch, refused.number()), refused.number(),
                        VALID_NUMBER, "17TRACK refused " + carrierOf(batch, refused.number()) + " " + refused.number()
                                + " (" + refused.code() + " " + refused.message() + "): a retry changes nothing. Ask the"
                                + " supplier for the parcel's right carrier and number (a SHIPPED with them re-labels"
                                + " it), or follow it by hand; should every number of the carrier be refused, check its"
                                + " number in dropflow.carriers.track17.carriers"));
            }
            if (!refusals.others().isEmpty()) {
                throw new IllegalStateException("17TRACK refused to register " + refusals.others()
                        + (missing.isEmpty() ? "" : " and " + missing.stream().map(Throwable::getMessage).toList())
                        + " (check dropflow.carriers.track17.carriers and the numbers)");
            }
            if (!missing.isEmpty()) {
                throw missing.size() == 1 ? missing.get(0) : new TrackingRegistrationRefused(null, null,
                        missing.stream().map(TrackingRegistrationRefused::missing).distinct().count() == 1
                                ? missing.get(0).missing() : "consignee data",
                        missing.stream().map(Throwable::getMessage).toList().toString());
            }
        }
    }

    private Map<String, Object> entry(Parcel p, String param) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("number", p.trackingNumber());
        entry.put("carrier", settings.carrierNumber(p.carrierCode())
                .orElseThrow(() -> new IllegalStateException("17TRACK does not follow carrier " + p.carrierCode())));
        if (param != null) {
            entry.put("param", param);
        }
        return entry;
    }

    /** A rejected number: 17TRACK's code and message. */
    private record Refusal(String number, int code, String message) {
    }

    /**
     * Rejections that ask for a param, those of the number itself ({@link #NUMBER_REFUSED}), and the others (already
     * registered ones left out).
     */
    private record Refusals(List<Refusal> needParam, List<Refusal> numbers, List<String> others) {
    }

    private static Refusals refusals(JsonNode answer, String what) {
        Refusals refusals = new Refusals(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (JsonNode rejected : answer.path("data").path("rejected")) {
            Refusal refusal = new Refusal(rejected.path("number").asText(), rejected.path("error").path("code").asInt(),
                    rejected.path("error").path("message").asText());
            if (refusal.code() == RETRY_LATER) {
                throw new CarrierUnavailableException("17TRACK could not " + what + " " + refusal.number() + " now ("
                        + refusal.code() + "); " + CarrierUnavailableException.RETRIED, null);
            }
            if (Track17Params.asksForParam(refusal.code())) {
                refusals.needParam().add(refusal);
            } else if (NUMBER_REFUSED.contains(refusal.code())) {
                refusals.numbers().add(refusal);
            } else if (refusal.code() != ALREADY_REGISTERED) {
                refusals.others().add(refusal.number() + ": " + refusal.code() + " " + refusal.message());
            }
        }
        return refusals;
    }

    private static TrackingRegistrationRefused lacking(String carrierCode, Refusal refusal, String why) {
        String wanted = Track17Params.wanted(refusal.code());
        return new TrackingRegistrationRefused(carrierCode, refusal.number(), wanted, "17TRACK follows " + carrierCode
                + " " + refusal.number() + " only with the " + wanted + " (" + refusal.code() + " " + refusal.message()
                + "), and " + why + ": complete the order's consignee data and register the parcel again, or follow it"
                + " by hand");
    }

    private static String carrierOf(List<Parcel> batch, String number) {
        return batch.stream().filter(p -> p.trackingNumber().equalsIgnoreCase(number)).map(Parcel::carrierCode).findFirst()
                .orElse("?");
    }

    /** "Only stopped numbers can be re-tracked": a number 17TRACK still follows needs no restart. */
    static final int NOT_STOPPED = -18019904;

    /**
     * Restarts 17TRACK's tracking of a number it stopped ({@code retrack}; 17TRACK stops a number 15 days
     * after delivery or after 30 days without news, and restarts one once without charging quota:
     * https://help.17track.net/hc/en-us/articles/37524573677721-Why-tracking-stopped-How-to-restart-it).
     * A number 17TRACK still follows (-18019904) counts as done.
     */
    public void retrack(String carrierCode, String trackingNumber) {
        JsonNode answer = post("retrack", "/retrack", List.of(Map.of("number", trackingNumber, "carrier",
                settings.carrierNumber(carrierCode).orElseThrow(() -> new IllegalStateException(
                        "17TRACK does not follow carrier " + carrierCode)))));
        for (JsonNode rejected : answer.path("data").path("rejected")) {
            int code = rejected.path("error").path("code").asInt();
            if (code == RETRY_LATER) {
                throw new CarrierUnavailableException("17TRACK could not restart " + trackingNumber + " now (" + code
                        + "); " + CarrierUnavailableException.RETRIED, null);
            }
            if (code != NOT_STOPPED) {
                throw new IllegalStateException("17TRACK would not restart tracking " + trackingNumber + ": " + code + " "
                        + rejected.path("error").path("message").asText());
            }
        }
    }

    /** The parcels' track info as 17TRACK knows it now ({@code data.accepted[].track_info}). */
    public JsonNode trackInfo(List<Parcel> parcels) {
        List<Map<String, Object>> body = parcels.stream().map(p -> Map.<String, Object>of("number", p.trackingNumber(),
                "carrier", settings.carrierNumber(p.carrierCode()).orElse(0))).toList();
        return post("gettrackinfo", "/gettrackinfo", body).path("data");
    }

    /** The polling fallback: gettrackinfo's track_info as our events. */
    @Override
    public List<io.dropflow.carrier.CarrierEvent> poll(String carrierCode, String trackingNumber, Consignee consignee) {
        List<io.dropflow.carrier.CarrierEvent> events = new ArrayList<>();
        for (JsonNode accepted : trackInfo(List.of(new Parcel(carrierCode, trackingNumber))).path("accepted")) {
            events.addAll(Track17Tracks.events(carrierCode, trackingNumber, accepted.path("track_info"),
                    settings.zone(carrierCode)));
        }
        return events;
    }

    private JsonNode post(String operation, String path, Object body) {
        io.dropflow.partners.PartnerCall call = new io.dropflow.partners.PartnerCall("17track", "17track", operation,
                CarrierCallHeldBack::new);
        boolean[] sent = {false};
        try {
            return calls.call(call, outcome -> {
                sent[0] = true;
                return send(path, body, outcome);
            });
        } catch (CarrierCallHeldBack heldBack) {
            throw CarrierCallHeldBack.unlessSent(sent[0], heldBack);
        }
    }

    private JsonNode send(String path, Object body, io.dropflow.partners.PartnerCalls.Outcome outcome) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path)).timeout(settings.readTimeout())
                    .header("Content-Type", "application/json").header("17token", settings.apiKey() == null ? "" : settings.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new CarrierUnavailableException("17TRACK did not answer " + path + ": "
                    + io.dropflow.partners.CallFailure.why(e, request.uri()) + " (" + CarrierUnavailableException.RETRIED + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("interrupted calling 17TRACK", e);
        }
        outcome.code("http-" + response.statusCode());
        if (response.statusCode() == 429) {
            throw new io.dropflow.partners.PartnerThrottled("17TRACK answered 429 to " + path, io.dropflow.partners
                    .PartnerThrottled.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null),
                            java.time.Duration.ofSeconds(1)));
        }
        if (response.statusCode() >= 500) {
            throw new CarrierUnavailableException("17TRACK answered HTTP " + response.statusCode() + " to " + path
                    + " (" + CarrierUnavailableException.RETRIED + ")", null);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("17TRACK answered HTTP " + response.statusCode() + " to " + path + " with a body that is not JSON");
        }
        outcome.code(answer.path("code").asText("none"));
        if (answer.path("code").asInt(-1) == RETRY_LATER) {
            throw new CarrierUnavailableException("17TRACK answered " + RETRY_LATER + " (internal error, retry later) to "
                    + path + "; " + CarrierUnavailableException.RETRIED, null);
        }
        if (response.statusCode() >= 400 || answer.path("code").asInt(-1) != 0) {
            throw new IllegalStateException("17TRACK refused " + path + ": HTTP " + response.statusCode() + ", code "
                    + answer.path("code").asText() + " " + answer.path("data").path("errors").toString()
                    + " (check dropflow.carriers.track17.api-key)");
        }
        return answer;
    }
}
