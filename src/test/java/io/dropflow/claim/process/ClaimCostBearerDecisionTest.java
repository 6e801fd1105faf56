package io.dropflow.claim.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dropflow.claim.ChargebackBasis;
import io.dropflow.claim.CostBearer;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * claim-cost-bearer.dmn's chargebackBasis is one of {@link ChargebackBasis}: any other value it gives is an incident
 * naming the table, the value and the values it may give (second review's L3: a typo was an obscure "No enum
 * constant" incident). That the table offers exactly those values to the analyst: DecisionOutputValuesTest.
 */
class ClaimCostBearerDecisionTest {

    private final DecisionService decisions = mock(DecisionService.class, RETURNS_DEEP_STUBS);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final ClaimCostBearerDecision decision = new ClaimCostBearerDecision(decisions);

    private void theTableGives(String costBearer, String chargebackBasis) {
        DmnDecisionResultEntriesImpl row = new DmnDecisionResultEntriesImpl();
        row.putValue("costBearer", Variables.stringValue(costBearer));
        row.putValue("chargebackBasis", Variables.stringValue(chargebackBasis));
        when(decisions.evaluateDecisionByKey(DefectClaimProcess.COST_BEARER_DECISION).variables(any()).evaluate()
                .getSingleResult()).thenReturn(row);
        when(execution.getVariable("supplierAnswer")).thenReturn("ACCEPTED");
    }

    @Test
    void theSuppliersRowGivesItsChargebackBasis() {
        theTableGives("SUPPLIER", "SUPPLY_COST");

        assertThat(decision.costBearerFor(execution))
                .isEqualTo(new ClaimCostBearerDecision.Bearing(CostBearer.SUPPLIER, ChargebackBasis.SUPPLY_COST));
    }

    @Test
    void aChargebackBasisThatIsNoneOfItsValuesNamesTheTableTheValueAndTheValuesItMayGive() {
        theTableGives("SUPPLIER", "supply_cost");

        assertThatThrownBy(() -> decision.costBearerFor(execution))
                .isInstanceOf(io.dropflow.processengine.DecisionTableBroken.class)
                .hasMessageStartingWith("claim-cost-bearer.dmn's chargebackBasis is \"supply_cost\", not one of"
                        + " [SUPPLY_COST, SALE_PRICE] (for {")
                .hasMessageContaining("supplierAnswer=ACCEPTED");
    }
}
