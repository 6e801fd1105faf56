package io.dropflow.returns.internal;

import io.dropflow.returns.ReturnAnswerEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where suppliers answer return rounds and report what they found in returned parcels. */
@RestController
@Tag(name = "Partner webhooks")
class ReturnWebhookController {

    private final ReturnAnswers answers;
    private final java.util.List<io.dropflow.returns.TakeBackAnswers> takeBacks;

    ReturnWebhookController(ReturnAnswers answers, java.util.List<io.dropflow.returns.TakeBackAnswers> takeBacks) {
        this.answers = answers;
        this.takeBacks = takeBacks;
    }

    @PostMapping("/api/webhooks/suppliers/{supplierCode}/return-answers")
    @Operation(summary = "A supplier answers a round of a return request",
            description = "ACCEPTED (the goods come back), REJECTED, or ALTERNATIVE with amount or refundShare, not both (a partial "
                    + "refund, the consumer keeps the goods). Only the current round's first answer counts: the same "
                    + "answer again is acknowledged, another one (or a new one after the return ended) is a 409. "
                    + "An answer to a take-back of goods nobody collected at a group-buy pickup point "
                    + "(DF-B6-PO1-UNCOLLECTED, round 1) goes to the feature that asked it.")
    Map<String, String> answer(@PathVariable String supplierCode, @Valid @RequestBody ReturnAnswerEvent event) {
        for (io.dropflow.returns.TakeBackAnswers takeBack : takeBacks) {
            if (takeBack.asked(event.returnNumber())) {
                return Map.of("result", takeBack.answer(supplierCode, event));
            }
        }
        return Map.of("result", answers.answer(supplierCode, event).name());
    }

    @PostMapping("/api/webhooks/suppliers/{supplierCode}/return-inspections")
    @Operation(summary = "A supplier reports what it found in a returned parcel: OK, DAMAGED_BY_CONSUMER or NOT_RECEIVED",
            description = "APPLIED when the return waits for it (its parcel arrived); KEPT when it comes earlier, taken once "
                    + "the parcel has arrived. Only the first report counts: the same result again is acknowledged, "
                    + "another one is a 409.")
    Map<String, String> inspected(@PathVariable String supplierCode, @Valid @RequestBody InspectionEvent event) {
        return Map.of("result", answers.inspected(supplierCode, event).name());
    }
}
