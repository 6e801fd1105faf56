package io.dropflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AfterSalesWindowsTest {

    @Test
    void aWindowIsSaidInWords() {
        assertThat(AfterSalesWindows.inWords(Duration.ofDays(30))).isEqualTo("30 days");
        assertThat(AfterSalesWindows.inWords(Duration.ofMinutes(14))).isEqualTo("14 minutes");
        assertThat(AfterSalesWindows.inWords(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(AfterSalesWindows.inWords(Duration.ofHours(36))).isEqualTo("1 day 12 hours");
        assertThat(AfterSalesWindows.inWords(Duration.ofSeconds(90))).isEqualTo("1 minute 30 seconds");
        assertThat(AfterSalesWindows.inWords(Duration.ZERO)).isEqualTo("0 minutes");
    }
}
