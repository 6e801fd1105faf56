package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;

/**
 * Why a case or an application goes to supervisors is drawn (docs/modeling.md, "Why a case escalates is drawn
 * too"): a named event <em>Reason: …</em> whose output parameter {@code escalationReason} holds the text, never an
 * execution listener that Modeler's canvas does not show ({@code ${execution.setVariable('escalationReason', …)}}).
 */
class EscalationReasonsAreDrawnTest {

    @Test
    void noListenerSetsTheEscalationReason() throws IOException {
        List<String> hidden = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                for (CamundaExecutionListener listener : Bpmn.readModelFromFile(model.toFile())
                        .getModelElementsByType(CamundaExecutionListener.class)) {
                    String expression = listener.getCamundaExpression();
                    if (expression != null && expression.contains("escalationReason")) {
                        hidden.add(model.getFileName() + "#" + ((BaseElement) listener.getParentElement().getParentElement())
                                .getId() + ": " + expression);
                    }
                }
            }
        }
        assertThat(hidden).as("listeners that set escalationReason (draw a \"Reason: …\" event with the output "
                + "parameter escalationReason instead, as defect-claim.bpmn does)").isEmpty();
    }
}
