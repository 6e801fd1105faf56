package io.dropflow.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the hours of orders and group buys last ({@code dropflow.sla}): technical settings only. The hours
 * themselves are the analysts' (bpmn/shipping-sla.dmn, bpmn/order-deadlines.dmn).
 *
 * @param hour how long one SLA hour lasts: PT1H, except in the demo, which makes deadlines pass within minutes
 * @param operatorHour how long one hour of an operator's decision time lasts (order-deadlines.dmn
 *     operatorDecisionHours): PT1H, shorter in the demo
 */
@ConfigurationProperties("dropflow.sla")
public record SlaSettings(Duration hour, Duration operatorHour) {

    public SlaSettings {
        hour = hour == null ? Duration.ofHours(1) : hour;
        operatorHour = operatorHour == null ? Duration.ofHours(1) : operatorHour;
    }

    public Duration hours(long hours) {
        return hour.multipliedBy(hours);
    }

    public Duration operatorHours(long hours) {
        return operatorHour.multipliedBy(hours);
    }
}
