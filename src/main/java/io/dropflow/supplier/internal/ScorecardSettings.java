package io.dropflow.supplier.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How supplier scorecards are computed ({@code dropflow.scorecard}): technical settings only. The
 * window, the "ships within" hours, the bar, the minimum sample and the score's weights are the
 * analysts' (bpmn/supplier-scorecard.dmn).
 *
 * @param hour how long one of the table's hours lasts (shipWithinHours; a day of its windowDays is 24 of them): PT1H,
 *     except in the demo
 * @param reuseFor how long supplier selection, task forms and the supplier list may reuse a computed scorecard
 *     (a fresh computation, {@link io.dropflow.supplier.Scorecards#of}, replaces it): at most one {@code hour}
 */
@ConfigurationProperties("dropflow.scorecard")
public record ScorecardSettings(Duration hour, Duration reuseFor) {

    public ScorecardSettings {
        hour = hour == null ? Duration.ofHours(1) : hour;
        reuseFor = reuseFor == null ? Duration.ofMinutes(5) : reuseFor;
    }
}
