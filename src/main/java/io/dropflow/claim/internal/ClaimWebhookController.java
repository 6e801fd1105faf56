package io.dropflow.claim.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where suppliers answer claim rounds and marketplaces send their verdicts. */
@RestController
@Tag(name = "Partner webhooks")
class ClaimWebhookController {

    private final ClaimAnswers answers;

    ClaimWebhookController(ClaimAnswers answers) {
        this.answers = answers;
    }

    @PostMapping("/api/webhooks/suppliers/{supplierCode}/claim-answers")
    @Operation(summary = "A supplier answers a round of a defect claim",
            description = "ACCEPTED (with the remedy it offers, or the one asked for), REJECTED with a reason, or "
                    + "COUNTER_OFFER with a remedy (and an amount for COMPENSATION). Only the current round's first "
                    + "answer counts; an answer may arrive before the claim's process waits for it. A redelivery (the "
                    + "same eventId, or the answer recorded sent again) is acknowledged; another answer to a round "
                    + "answered already, or a new answer after the claim ended, is a 409.")
    Map<String, String> receive(@PathVariable String supplierCode, @Valid @RequestBody ClaimAnswerEvent answer) {
        return Map.of("result", answers.receive(supplierCode, answer).name());
    }

    @PostMapping("/api/webhooks/marketplace/claim-decisions")
    @Operation(summary = "A marketplace platform decides a claim the seller escalated to it",
            description = "SELLER_REFUNDS with remedy REFUND or COMPENSATION (and amount): the seller pays; "
                    + "CLAIM_REJECTED: the claim is rejected. 409 for a claim that is not with the platform, and for "
                    + "another verdict on a claim it decided (the same verdict again is acknowledged), and for "
                    + "other content under an eventId used before (platform-event-id-reused).")
    Map<String, String> platformDecided(@Valid @RequestBody PlatformDecision decision) {
        return Map.of("result", answers.platformDecided(decision).name());
    }
}
