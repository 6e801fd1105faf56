package io.dropflow.bench;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Counts the jobs an engine (or several, sharing one counter) has done: each job whose transaction
 * committed. The job log cannot count them: Dropflow's history keeps no log of a job that worked
 * (ADR 21). A history handler: as a bean of Dropflow's application the Spring Boot starter adds it
 * to the engine; the plain engine is given it with its other handlers.
 */
final class JobsDone implements HistoryEventHandler {

    private final LongAdder done = new LongAdder();

    long count() {
        return done.sum();
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricJobLogEvent job && job.getState() == JobState.SUCCESSFUL.getStateCode()) {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> done.increment());
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
