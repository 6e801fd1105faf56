package io.dropflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Flow-node coverage of one model by the process tests, from the engine's history: which flow
 * nodes of the model the instances started since a moment have passed. Writes a small report to
 * target/process-test-coverage/ and enforces a floor. Every model in bpmn/ must be checked by
 * some test class ({@code ModelQualityTest} makes sure).
 */
public final class ProcessCoverage {

    /** The floor every model must reach: share of its flow nodes passed by its process tests. */
    public static final double FLOOR = 0.9;

    private ProcessCoverage() {
    }

    public static void assertCovered(ProcessEngine engine, String modelFile, Date since) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", modelFile).toFile());
        String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
        List<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).sorted().toList();
        Set<String> passed = engine.getHistoryService().createHistoricActivityInstanceQuery().startedAfter(since).list()
                .stream().filter(a -> processKey.equals(a.getProcessDefinitionKey()))
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
        List<String> missing = nodes.stream().filter(n -> !passed.contains(n)).toList();
        double coverage = (double) (nodes.size() - missing.size()) / nodes.size();
        report(modelFile, nodes.size(), coverage, missing);
        assertThat(coverage).as("flow-node coverage of %s (floor %.0f %%); not passed: %s", modelFile, FLOOR * 100, missing)
                .isGreaterThanOrEqualTo(FLOOR);
    }

    private static void report(String modelFile, int nodes, double coverage, List<String> missing) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "process-test-coverage"));
            Files.writeString(dir.resolve(modelFile + ".txt"), String.format(Locale.ROOT,
                    "%s: %.1f %% of %d flow nodes passed%nnot passed: %s%n", modelFile, coverage * 100, nodes, missing));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
