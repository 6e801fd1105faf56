package io.dropflow.aftersales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionRefusedTest {

    enum Review { ACCEPT, MORE_EVIDENCE }

    @Test
    void aFormsDecisionIsTheChoiceWrittenInLowerCase() {
        assertThat(DecisionRefused.decided(Review.class, "reviewDecision", "more_evidence")).isEqualTo(Review.MORE_EVIDENCE);
    }

    @Test
    void anythingElseIsRefusedNamingTheVariableAndTheChoices() {
        assertThatThrownBy(() -> DecisionRefused.decided(Review.class, "reviewDecision", "ACCEPT"))
                .isInstanceOf(DecisionRefused.class)
                .hasMessage("reviewDecision must be one of [accept, more_evidence], was ACCEPT");
        assertThatThrownBy(() -> DecisionRefused.decided(Review.class, "reviewDecision", null))
                .hasMessageEndingWith("was null");
    }

    @Test
    void aBlankReasonIsNoReason() {
        assertThatThrownBy(() -> DecisionRefused.requireText("  ", "a reason for the consumer, please"))
                .hasMessage("a reason for the consumer, please");
    }
}
