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
 * at deployment to every process that can wait for a message (a message catch or boundary event, a
 * receive task, an event subprocess started by a message), so the models need not say so. A process
 * that only starts by a message (the consumer's delay notice) or has no message at all (a partner
 * delivery's attention) never awaits one: its end does not look in the inbox.
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
                if (awaitsMessages(processElement, true)) {
                    processDefinition.addListener(ExecutionListener.EVENTNAME_END, atTheEnd);
                }
            }
        });
    }

    /**
     * Whether a running instance of the scope can wait for a message: any message event definition
     * or receive task in it or its subprocesses, except on the process's own start events (those
     * start an instance; they never wait in one). A throwing message event counts too: a look too
     * many costs one query, a look too few would leave a message pending.
     */
    static boolean awaitsMessages(Element scope, boolean isProcess) {
        for (Element element : scope.elements()) {
            String tag = element.getTagName();
            if ("receiveTask".equals(tag)) {
                return true;
            }
            if (isProcess && "startEvent".equals(tag)) {
                continue;
            }
            if (!element.elements("messageEventDefinition").isEmpty() || awaitsMessages(element, false)) {
                return true;
            }
        }
        return false;
    }
}
