package io.dropflow.supplier.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How supplier scorecards are computed ({@code dropflow.scorecard}).
 *
 * @param window the rolling window of purchase orders (by forwarding time) a scorecard looks at
 * @param shipWithin the "ships within 48 hours" measure's time (48 h; shorter in the demo)
 * @param shipRateBar a supplier shipping fewer than this share within {@code shipWithin} is flagged (0.9, from the sources)
 * @param minimumSample purchase orders a rate needs before it can flag a supplier
 * @param reuseFor how long supplier selection may reuse a computed scorecard
 */
@ConfigurationProperties("dropflow.scorecard")
public record ScorecardSettings(Duration window, Duration shipWithin, Double shipRateBar, Integer minimumSample,
        Duration reuseFor) {

    public ScorecardSettings {
        window = window == null ? Duration.ofDays(30) : window;
        shipWithin = shipWithin == null ? Duration.ofHours(48) : shipWithin;
        shipRateBar = shipRateBar == null ? 0.9 : shipRateBar;
        minimumSample = minimumSample == null ? 5 : minimumSample;
        reuseFor = reuseFor == null ? Duration.ofMinutes(5) : reuseFor;
    }
}
