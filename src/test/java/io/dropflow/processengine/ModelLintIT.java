package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the linter Camunda Modeler runs (bpmnlint's recommended rules plus camunda-compat for
 * Camunda 7.24, versions pinned in src/test/bpmnlint/package-lock.json) over every model in
 * bpmn/, and fails on any warning; and imports every model as Camunda Modeler does (bpmn-moddle plus
 * camunda-bpmn-moddle), failing on any import warning. Needs Node.js and npm, which the CI machines have.
 */
class ModelLintIT {

    private static final Path SETUP = Path.of("src", "test", "bpmnlint");
    private static final Path WORK = Path.of("target", "bpmnlint");

    @Test
    void camundaModelersLinterReportsNothing() throws Exception {
        installLinter();
        List<String> command = new ArrayList<>(List.of(WORK.resolve("node_modules/.bin/bpmnlint").toAbsolutePath().toString()));
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            models.filter(p -> p.toString().endsWith(".bpmn")).sorted()
                    .forEach(p -> command.add(p.toAbsolutePath().toString()));
        }
        assertThat(command).as("models to lint").hasSizeGreaterThan(1);

        Run lint = run(command);

        assertThat(lint.output()).as("bpmnlint output").isBlank();
        assertThat(lint.exitCode()).as("bpmnlint exit code").isZero();
    }

    /**
     * Camunda Modeler opens every model without "Imported with N warnings": no attribute that
     * camunda-bpmn-moddle does not know on its element (as camunda:exclusive on a timer event
     * definition once was), which neither the linter nor the engine reports.
     */
    @Test
    void camundaModelerImportsEveryModelWithoutAWarning() throws Exception {
        installLinter();
        Files.copy(SETUP.resolve("import-warnings.mjs"), WORK.resolve("import-warnings.mjs"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("node", "import-warnings.mjs"));
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            models.filter(p -> p.toString().endsWith(".bpmn")).sorted()
                    .forEach(p -> command.add(p.toAbsolutePath().toString()));
        }

        Run imported = run(command);

        assertThat(imported.output()).as("import warnings").isBlank();
        assertThat(imported.exitCode()).as("import script exit code").isZero();
    }

    /** npm ci into target/, again whenever the pinned versions change. */
    private static void installLinter() throws Exception {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", ".bpmnlintrc")) {
            Path target = WORK.resolve(file);
            byte[] wanted = Files.readAllBytes(SETUP.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), wanted)) {
                Files.copy(SETUP.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.exists(WORK.resolve("node_modules/.bin/bpmnlint"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
            assertThat(install.exitCode()).as("npm ci for bpmnlint (needs Node.js and npm):%n%s", install.output()).isZero();
        }
    }

    record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
