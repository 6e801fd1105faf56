package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/**
 * Exploratory s16 ops, 7: the start-up line said "(0 definitions)" for every decision table (their definitions were
 * deployed) and for every unchanged model (nothing was). It counts decision definitions, and says when a bundle is
 * unchanged and which deployment it kept.
 */
class ModelDeploymentLogTest {

    @Test
    void aDecisionTableCountsItsDecisionDefinitions() {
        DeploymentWithDefinitions dmn = mock(DeploymentWithDefinitions.class);
        when(dmn.getId()).thenReturn("f6f1");
        when(dmn.getDeployedDecisionDefinitions()).thenReturn(List.of(mock(DecisionDefinition.class)));
        when(dmn.getDeployedDecisionRequirementsDefinitions()).thenReturn(List.of(mock(DecisionRequirementsDefinition.class)));

        assertThat(ModelDeployment.described("after-sales-windows.dmn", dmn))
                .isEqualTo("Model bundle after-sales-windows.dmn: deployed f6f1 (1 decision definition)");

        DeploymentWithDefinitions bpmn = mock(DeploymentWithDefinitions.class);
        when(bpmn.getId()).thenReturn("a1");
        when(bpmn.getDeployedProcessDefinitions()).thenReturn(List.of(mock(ProcessDefinition.class),
                mock(ProcessDefinition.class)));
        assertThat(ModelDeployment.described("order-fulfillment.bpmn", bpmn))
                .isEqualTo("Model bundle order-fulfillment.bpmn: deployed a1 (2 process definitions)");
    }

    @Test
    void anUnchangedBundleSaysItKeptItsDeployment() {
        DeploymentWithDefinitions kept = mock(DeploymentWithDefinitions.class);
        when(kept.getId()).thenReturn("old-1");

        assertThat(ModelDeployment.described("order-fulfillment.bpmn", kept))
                .isEqualTo("Model bundle order-fulfillment.bpmn: unchanged, kept deployment old-1");
    }
}
