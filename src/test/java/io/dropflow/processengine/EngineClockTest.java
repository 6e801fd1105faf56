package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Clock bean and the engine's clock are one: a test that moves the engine's clock moves the bean's too. */
class EngineClockTest {

    @AfterEach
    void backToNow() {
        ClockUtil.reset();
    }

    @Test
    void theClockBeanReadsTheTimeTheEngineIsMovedTo() {
        Clock clock = new EngineClock().clock();
        Instant later = Instant.parse("2030-01-01T08:30:00Z");

        ClockUtil.setCurrentTime(Date.from(later));
        assertThat(clock.instant()).isEqualTo(later);

        ClockUtil.setCurrentTime(Date.from(later.plusSeconds(90)));
        assertThat(clock.instant()).isEqualTo(later.plusSeconds(90));
        assertThat(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")).instant()).isEqualTo(later.plusSeconds(90));
    }
}
