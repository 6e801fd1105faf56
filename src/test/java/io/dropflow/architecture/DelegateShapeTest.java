package io.dropflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Delegates are thin: read typed variables, call one use case, write the result back. Read from
 * the sources, since what is measured is what a reader sees: a delegate (a class implementing
 * JavaDelegate, TaskListener or ExecutionListener) has at most 25 lines of code (not counting the
 * package line, imports, comments and blank lines) and at most two collaborators (constructor
 * parameters); and no class outside {@code ProcessVariable} casts what it reads from a process
 * variable.
 */
class DelegateShapeTest {

    static final int MAX_LINES = 25;
    static final int MAX_COLLABORATORS = 2;


    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern DELEGATE = Pattern.compile(
            "\\bclass (\\w+)[^{]*\\bimplements\\b[^{]*\\b(JavaDelegate|TaskListener|ExecutionListener)\\b");
    private static final Pattern CAST_OF_A_VARIABLE = Pattern.compile(
            "\\(\\s*(Long|Integer|String|Date|Boolean|Number|Double|Map<[^)]*>|List<[^)]*>)\\s*\\)\\s*[\\w.()]*\\.get(Variable|VariableLocal)\\(");

    @Test
    void delegatesAreShortAndHaveAtMostTwoCollaborators() {
        List<String> tooBig = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = read(file);
            Matcher delegate = DELEGATE.matcher(source);
            if (!delegate.find()) {
                continue;
            }
            String name = delegate.group(1);
            int lines = linesOfCode(source);
            int collaborators = collaborators(source, name);
            if (lines > MAX_LINES || collaborators > MAX_COLLABORATORS) {
                tooBig.add(name + " (" + lines + " lines, " + collaborators + " collaborators)");
            }
        }
        assertThat(tooBig).as("delegates over " + MAX_LINES + " lines or with more than " + MAX_COLLABORATORS
                + " collaborators").isEmpty();
    }

    @Test
    void onlyTheTypedVariablesCastWhatAProcessVariableHolds() {
        List<String> casts = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (file.endsWith("ProcessVariable.java")) {
                continue;
            }
            Matcher cast = CAST_OF_A_VARIABLE.matcher(read(file));
            while (cast.find()) {
                casts.add(SOURCES.relativize(file) + ": " + cast.group());
            }
        }
        assertThat(casts).as("casts of process variables outside the typed variables").isEmpty();
    }

    /** The rule is not blind: a delegate of 30 lines and three collaborators is caught. */
    @Test
    void aFatDelegateIsCaught() {
        String fat = "package x;\nclass Fat implements JavaDelegate {\n    Fat(A a, B b, C c) {\n    }\n"
                + "    void x() {\n".repeat(13) + "    }\n".repeat(13) + "}\n";
        assertThat(DELEGATE.matcher(fat).find()).isTrue();
        assertThat(linesOfCode(fat)).isGreaterThan(MAX_LINES);
        assertThat(collaborators(fat, "Fat")).isEqualTo(3);
        assertThat(CAST_OF_A_VARIABLE.matcher("Long id = (Long) execution.getVariable(\"orderId\");").find()).isTrue();
    }

    static int linesOfCode(String source) {
        String withoutComments = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
        return (int) withoutComments.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("import ") && !l.startsWith("package "))
                .count();
    }

    static int collaborators(String source, String className) {
        String withoutAnnotationArguments = source.replaceAll("@\\w+\\(\"[^\"]*\"\\)", "@A");
        Matcher constructor = Pattern.compile("\\b" + className + "\\s*\\(([^{;]*)\\)\\s*\\{")
                .matcher(withoutAnnotationArguments);
        int most = 0;
        while (constructor.find()) {
            String parameters = constructor.group(1).replaceAll("@\\w+(\\([^)]*\\))?", "").strip();
            if (!parameters.isEmpty()) {
                most = Math.max(most, parameters.split(",(?![^<]*>)").length);
            }
        }
        return most;
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
