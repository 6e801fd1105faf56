package io.dropflow.groupbuy.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a group-buy operator task: who decided what goes into the timeline of each order the
 * form showed ({@link GroupBuyDecisionLines}).
 */
@Component("recordGroupBuyDecision")
class RecordGroupBuyDecision implements TaskListener {

    private final GroupBuyDecisionLines lines;

    RecordGroupBuyDecision(GroupBuyDecisionLines lines) {
        this.lines = lines;
    }

    @Override
    public void notify(DelegateTask task) {
        lines.record(task);
    }
}
