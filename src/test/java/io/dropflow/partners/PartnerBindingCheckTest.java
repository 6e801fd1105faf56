package io.dropflow.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exploratory test s14 (production, defect 1): an active supplier of the catalog no adapter serves made every
 * node's next start refuse, a one-node shop down until someone edited the table by hand. Such a partner is not
 * used, and start-up warns, naming the settings that bind it.
 */
class PartnerBindingCheckTest {

    @Test
    void aPartnerOfTheCatalogNoAdapterServesIsAWarningNotARefusal() {
        PartnerBinding.Unbound gamma = new PartnerBinding.Unbound("supplier GAMMA (Gamma)", "no adapter serves it",
                "dropflow.suppliers.http.GAMMA.base-url");
        PartnerBinding catalog = new PartnerBinding() {
            @Override
            public List<Unbound> unbound() {
                return List.of();
            }

            @Override
            public List<Unbound> notUsed() {
                return List.of(gamma);
            }
        };

        assertThatCode(() -> new PartnerBindingCheck(List.of(catalog)).run(null)).doesNotThrowAnyException();
        assertThat(PartnerBindingCheck.warning(List.of(gamma))).isEqualTo("1 partner of the catalog is not used: no"
                + " real adapter serves them (sandbox partners exist in the demo profile only):\n - supplier GAMMA"
                + " (Gamma): no adapter serves it (set dropflow.suppliers.http.GAMMA.base-url)");
    }
}
