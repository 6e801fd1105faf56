package io.dropflow.processengine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dropflow's one clock is the engine's: every timestamp we write (an order's history, a purchase
 * order's deadline, a claim's window) and every timer the engine fires read the same time. In
 * production that is the system clock; a test that moves the engine's clock
 * ({@code ClockUtil.setCurrentTime}) moves our rows' times with it, so no test back-dates rows.
 */
@Configuration(proxyBeanMethods = false)
public class EngineClock {

    @Bean
    Clock clock() {
        return new FollowingTheEngine(ZoneOffset.UTC);
    }

    private static final class FollowingTheEngine extends Clock {

        private final ZoneId zone;

        FollowingTheEngine(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new FollowingTheEngine(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
