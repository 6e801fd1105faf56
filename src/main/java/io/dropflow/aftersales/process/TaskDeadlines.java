package io.dropflow.aftersales.process;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * A user task's due date and its drawn deadline from one value:
 * {@code camunda:dueDate="${taskDeadline.after(negotiationTime)}"} on the task and the same
 * expression as the timeDate of its non-interrupting boundary timer, so Tasklist shows exactly when
 * the escalation fires. The duration is a process variable a decision table set.
 */
@Component("taskDeadline")
public class TaskDeadlines {

    private final Clock clock;

    TaskDeadlines(Clock clock) {
        this.clock = clock;
    }

    /** @param isoDuration an ISO 8601 duration, as duration process variables are stored */
    public Date after(Object isoDuration) {
        return Date.from(clock.instant().plus(Duration.parse(isoDuration.toString())));
    }
}
