package io.dropflow.groupbuy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exploratory test s18, H14: a code read out in two groups ("WDL3-E79N", "WDL3 E79N") or typed on a keyboard in
 * full-width mode ("ｗｄｌ３ｅ７９ｎ") was "not a code of pickup point …". Codes are drawn of upper-case letters and
 * digits only, so width, case, spaces and hyphens are not part of one.
 */
class PickupCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"WDL3E79N", "wdl3e79n", "WDL3-E79N", "WDL3 E79N", " wdl3 - e79n ", "ＷＤＬ３Ｅ７９Ｎ",
            "ｗｄｌ３ｅ７９ｎ", "ＷＤＬ３－Ｅ７９Ｎ", "ＷＤＬ３\u3000Ｅ７９Ｎ", "WDL3\u2013E79N", "WDL3\u00a0E79N", "WD-L3-E7-9N"})
    void aCodeTypedInEitherCaseFullWidthOrInGroupsIsTheCode(String typed) {
        assertThat(PickupCodes.typed(typed)).isEqualTo("WDL3E79N");
    }
}
