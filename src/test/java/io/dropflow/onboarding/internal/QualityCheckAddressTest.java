package io.dropflow.onboarding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.security.StartupCheck;
import io.dropflow.supplier.SupplierGateway;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample address is checked by one set of rules, in the same words, before any bean (with every missing setting
 * of the start) and when the onboarding's settings are bound: each problem names the environment variable and the
 * property (review s16, finding 13: the two checks had drifted apart, one left out the name).
 */
class QualityCheckAddressTest {

    private static StartupCheck.Settings settings(boolean production, Map<String, String> values) {
        return new StartupCheck.Settings(property -> Optional.ofNullable(values.get(property)), production);
    }

    @Test
    void beforeAnyBeanProductionNamesEveryFieldItsEnvironmentLeftOutButTheNameWhichHasADefault() {
        assertThat(new QualityCheckAddress().problems(settings(true, Map.of(
                "dropflow.onboarding.quality-check.postal-code", "20457",
                "dropflow.onboarding.quality-check.country", "Germany")))).containsExactly(
                "DROPFLOW_QUALITY_CHECK_LINE1 (dropflow.onboarding.quality-check.line1) is not set: where applicants ship"
                        + " their samples",
                "DROPFLOW_QUALITY_CHECK_CITY (dropflow.onboarding.quality-check.city) is not set: where applicants ship"
                        + " their samples",
                "DROPFLOW_QUALITY_CHECK_COUNTRY (dropflow.onboarding.quality-check.country) is 'Germany', not an ISO 3166"
                        + " alpha-2 country code: where applicants ship their samples, e.g. DE");
    }

    @Test
    void outsideProductionTheDefaultsStandAndOnlyAWrongCountryIsNamed() {
        assertThat(new QualityCheckAddress().problems(settings(false, Map.of()))).isEmpty();
        assertThat(new QualityCheckAddress().problems(settings(false,
                Map.of("dropflow.onboarding.quality-check.country", "XX")))).singleElement().asString()
                .startsWith("DROPFLOW_QUALITY_CHECK_COUNTRY (dropflow.onboarding.quality-check.country) is 'XX'");
    }

    @Test
    void theBoundSettingsAreRefusedByTheSameRulesNamingEveryField() {
        SupplierGateway.Address address = new SupplierGateway.Address(" ", "Hafenstrasse 3", null, "20457",
                "${DROPFLOW_QUALITY_CHECK_CITY}", null, "Germany", null);

        assertThatThrownBy(() -> new OnboardingSettings(null, null, null, address))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DROPFLOW_QUALITY_CHECK_NAME (dropflow.onboarding.quality-check.name) is not set: where"
                        + " applicants ship their samples; DROPFLOW_QUALITY_CHECK_CITY (dropflow.onboarding.quality-check"
                        + ".city) is not set: where applicants ship their samples; DROPFLOW_QUALITY_CHECK_COUNTRY"
                        + " (dropflow.onboarding.quality-check.country) is 'Germany', not an ISO 3166 alpha-2 country"
                        + " code: where applicants ship their samples, e.g. DE");
    }
}
