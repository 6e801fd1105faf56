package io.dropflow.aftersales.process;

import io.dropflow.aftersales.CaseConclusion;
import io.dropflow.aftersales.CaseKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
}
