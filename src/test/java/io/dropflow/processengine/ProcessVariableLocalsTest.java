package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;

/** A step's own variables read typed, and form facts kept on an instance read back as they were written. */
class ProcessVariableLocalsTest {

    /** A step (an execution) with its own {@code local} variables, under a process instance holding {@code process}. */
    private static VariableScope step(Map<String, Object> process, Map<String, Object> local) {
        VariableScope step = mock(VariableScope.class);
        when(step.getVariableLocal(anyString())).thenAnswer(call -> local.get(call.<String>getArgument(0)));
        when(step.getVariable(anyString())).thenAnswer(call -> local.getOrDefault(call.<String>getArgument(0),
                process.get(call.<String>getArgument(0))));
        return step;
    }

    @Test
    void aStepsOwnEscalationReasonIsReadNotTheProcesssOne() {
        Map<String, Object> process = Map.of("escalationReason", "an earlier escalation");
        VariableScope step = step(process, Map.of());
        assertThat(Escalation.REASON.optionalFromLocal(step)).isEmpty();
        assertThat(Escalation.REASON.optionalFrom(step)).contains("an earlier escalation");

        step = step(process, Map.of("escalationReason", "the review was not done in time"));
        assertThat(Escalation.REASON.optionalFromLocal(step)).contains("the review was not done in time");
    }

    @Test
    void factsKeptOnAnInstanceReadBackAsWritten() {
        ProcessVariable<FormFacts> facts = ProcessVariable.facts("attentionFacts");
        FormFacts about = new FormFacts().put("orderNumber", "#1001").put("lines", 2)
                .rows("parcels", java.util.List.of(FormFacts.row("trackingNumber", "SF123")));

        Object stored = facts.stored(about);
        assertThat(stored).isInstanceOf(SerializableValue.class);
        String json = ((SerializableValue) stored).getValueSerialized();

        assertThat(facts.optionalFrom(Map.of("attentionFacts", json)).orElseThrow().values())
                .isEqualTo(about.values());
    }
}
