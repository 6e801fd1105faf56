package io.dropflow.processengine;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a process instance ends, the partner events still pending for its business key will never
 * be awaited: they are marked NOT_AWAITED (see {@link MessageInbox#notAwaitedAfterCommit}). Added
 * to every process at deployment, so the models need not say so.
 */
@Component
class MarkUnawaitedMessages extends AbstractProcessEnginePlugin {

    /** Looked up when a process ends: the inbox needs the engine this plugin helps build. */
    private final ObjectProvider<MessageInbox> inbox;

    MarkUnawaitedMessages(ObjectProvider<MessageInbox> inbox) {
        this.inbox = inbox;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener atTheEnd = execution -> {
            if (execution.getProcessBusinessKey() != null) {
                inbox.getObject().notAwaitedAfterCommit(execution.getProcessBusinessKey());
            }
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_END, atTheEnd);
            }
        });
    }
}
