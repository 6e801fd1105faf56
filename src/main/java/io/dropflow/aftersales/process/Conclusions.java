package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseConclusion;
import io.dropflow.aftersales.CaseKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.springframework.stereotype.Component;

/** Each kind of case's conclusion, found by the business key of the process at hand. */
@Component
class Conclusions {

    private final Map<CaseKind, CaseConclusion> byKind = new EnumMap<>(CaseKind.class);

    Conclusions(List<CaseConclusion> conclusions) {
        conclusions.forEach(c -> byKind.put(c.kind(), c));
    }

    /** @return the case's kind's conclusion and the case's id */
    CaseConclusion of(CaseKind kind) {
        CaseConclusion conclusion = byKind.get(kind);
        if (conclusion == null) {
            throw new IllegalStateException("nothing concludes a " + kind.noun());
        }
        return conclusion;
    }

    static CaseKind.CaseRef caseOf(DelegateExecution execution) {
        return CaseKind.ofBusinessKey(execution.getProcessBusinessKey());
    }

    /**
     * Whether the version of the model the execution runs on knows the BPMN error {@code errorCode}: an
     * error no event catches would silently end the step's scope, so older versions fail the step instead.
     */
    static boolean modelCatches(DelegateExecution execution, String errorCode) {
        return execution.getBpmnModelInstance().getModelElementsByType(ErrorEventDefinition.class).stream()
                .anyMatch(d -> d.getParentElement() instanceof BoundaryEvent && d.getError() != null
                        && errorCode.equals(d.getError().getErrorCode()));
    }
}
