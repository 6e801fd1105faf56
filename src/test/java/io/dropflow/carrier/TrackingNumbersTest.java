package io.dropflow.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A tracking number is compared without the spaces and hyphens it is printed with, full-width as plain, in any letter
 * case (exploratory test s18, H3); a number with a control or invisible character, or with anything but letters and
 * digits between such separators, is refused with words that show it (H15).
 */
class TrackingNumbersTest {

    @Test
    void spellingsOfOneNumberHaveOneKeyAndOtherNumbersKeepTheirs() {
        String key = TrackingNumbers.key("SANDBOX-POST", "SBX92053633950Z");
        assertThat(key).isEqualTo("SANDBOX-POST SBX92053633950Z");
        assertThat(java.util.List.of(TrackingNumbers.key(" sandbox-post", "sbx 920536 33950z "),
                TrackingNumbers.key("SANDBOX-POST", "SBX-920536-33950Z"),
                TrackingNumbers.key("SANDBOX-POST", "ＳＢＸ９２０５３６　３３９５０ｚ"),
                TrackingNumbers.key("SANDBOX-POST", "sbx\u2013920536\u221233950z"),
                TrackingNumbers.key("SANDBOX-POST", "SBX\t920536\u00A033950Z"))).containsOnly(key);
        assertThat(TrackingNumbers.key("SANDBOX-POST", "SBX92053633950Y")).isNotEqualTo(key);
        assertThat(TrackingNumbers.key("YUNEXPRESS", "SBX92053633950Z")).isNotEqualTo(key);
        assertThat(TrackingNumbers.same("RR 123 456 785 DE", "rr123456785de")).isTrue();
        assertThat(TrackingNumbers.same("RR123456785DE", null)).isFalse();
    }

    @Test
    void numbersCarriersPrintAreTakenOthersRefusedShowingTheCharacter() {
        assertThat(TrackingNumbers.whyNot("RR 123 456 785 DE")).isEmpty();
        assertThat(TrackingNumbers.whyNot("ＳＢＸ９２０５３６３３９５０Ｚ")).isEmpty();
        assertThat(TrackingNumbers.whyNot("OWN-7")).isEmpty();
        assertThat(TrackingNumbers.whyNot(null)).isEmpty();
        assertThat(TrackingNumbers.whyNot("SBX\u0007123")).hasValue("must be letters and digits, spaces or hyphens between"
                + " them, was \"SBX[U+0007]123\": it holds the control or invisible character U+0007, which no carrier's"
                + " number has");
        assertThat(TrackingNumbers.whyNot("SBX\u200B123")).get().asString().contains("U+200B");
        assertThat(TrackingNumbers.whyNot("\uD83D\uDCE6\uD83D\uDCE6")).hasValue(
                "must be letters and digits, spaces or hyphens between them, was \"\uD83D\uDCE6\uD83D\uDCE6\"");
        assertThat(TrackingNumbers.whyNot("- -")).isPresent();
        assertThat(TrackingNumbers.whyNot("SBX/123")).isPresent();
        assertThat(TrackingNumbers.whyNot("顺丰123")).isPresent();
    }
}
