package io.dropflow.claim.internal;

import io.dropflow.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A marketplace sends a verdict under an event id it used before for another verdict (another verdict on the
 * claim, or a verdict on another claim): 409, and nothing changes. Its event ids are unique per platform, as a
 * supplier's are ({@code supplier-event-id-reused}); the same verdict again under its id is a 200.
 */
public class PlatformEventIdReusedException extends ApiProblem {

    public PlatformEventIdReusedException(String eventId, String claimNumber, String sent) {
        super(HttpStatus.CONFLICT, "platform-event-id-reused", "Event id used before",
                "the marketplace sent event " + eventId + " before with other content (now " + sent + " on claim "
                        + claimNumber + "): an eventId names one verdict, so this one changed nothing; send it under"
                        + " an id of its own");
        property("eventId", eventId);
        property("claimNumber", claimNumber);
    }
}
