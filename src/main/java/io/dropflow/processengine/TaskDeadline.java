package io.dropflow.processengine;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * A user task's due date from the same duration as its drawn deadline (the non-interrupting
 * boundary timer that escalates it): {@code camunda:dueDate="${taskDeadline.after(slaDecisionTime)}"}
 * beside a timer of {@code ${slaDecisionTime}}, so Tasklist shows the moment the timer fires.
 */
@Component("taskDeadline")
public class TaskDeadline {

    private final Clock clock;

    TaskDeadline(Clock clock) {
        this.clock = clock;
    }

    /** @param duration an ISO-8601 duration (a Duration variable as the engine stores it, e.g. "PT4H") */
    public Date after(Object duration) {
        return Date.from(clock.instant().plus(Duration.parse(duration.toString())));
    }
}
