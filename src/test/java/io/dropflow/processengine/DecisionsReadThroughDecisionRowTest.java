package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class that reads a decision table's outputs does so through {@link DecisionRow}, whose problems name the
 * table and the output: {@code DmnDecisionResultEntries.getEntry} throws a bare NullPointerException for an output
 * an analyst renamed, and a cast of its value a ClassCastException. Only the what-if replay evaluates tables
 * itself, reading whatever outputs they have.
 */
class DecisionsReadThroughDecisionRowTest {

    /** Evaluating a deployed table by key, or reading a DMN result's entries (JPA has getSingleResult too). */
    private static final Pattern EVALUATES = Pattern.compile("evaluateDecisionByKey\\(|evaluateDecisionById\\(");
    private static final Pattern READS_A_RESULT = Pattern.compile(
            "getEntry\\(|getEntryTyped\\(|getEntryMap\\(|getSingleEntry|getSingleResult\\(|getFirstResult\\(|collectEntries\\(");
    private static final List<String> ALLOWED = List.of("processengine/DecisionRow.java",
            "models/process/DecisionReplay.java");

    @Test
    void noClassButDecisionRowReadsATablesOutputs() throws IOException {
        List<String> readers;
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java", "io", "dropflow"))) {
            readers = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> ALLOWED.stream().noneMatch(a -> p.toString().replace('\\', '/').endsWith(a)))
                    .filter(p -> {
                        try {
                            String source = Files.readString(p);
                            return EVALUATES.matcher(source).find() || source.contains("org.camunda.bpm.dmn.engine")
                                    && READS_A_RESULT.matcher(source).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
        }

        assertThat(readers).as("classes reading decision results without DecisionRow").isEmpty();
    }
}
