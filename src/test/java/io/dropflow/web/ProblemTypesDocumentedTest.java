package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's "Problem types" lists every problem type Dropflow answers with, and nothing else: a feature's own
 * (the type its {@link ApiProblem} is made with, read from the sources) and {@link ProblemTypes}' for any endpoint.
 */
class ProblemTypesDocumentedTest {

    /** The members and headers the section names in backticks besides the types. */
    private static final Set<String> NOT_TYPES = Set.of("type", "title", "detail", "errors", "resource", "key",
            "reference", "message", "sign");

    /** A type given with the status and title it is made with: {@code HttpStatus.CONFLICT, "order-conflict", "…"}. */
    private static final Pattern MADE = Pattern.compile(
            "(?:HttpStatus\\.[A-Z_]+|Reason\\.[A-Z_]+|status|reason|this\\(|super\\()\\s*,?\\s*\"([a-z0-9-]+)\"\\s*,\\s*\"");
    private static final Pattern LITERAL = Pattern.compile("dropflow\\.io/problems/([a-z0-9-]+)");

    /** The type names the section lists. */
    static Set<String> documented() {
        String api;
        try {
            api = Files.readString(Path.of("docs", "api.md"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        int start = api.indexOf("\n## Problem types\n");
        assertThat(start).as("docs/api.md has a section Problem types").isPositive();
        int end = api.indexOf("\n## ", start + 1);
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z][a-z0-9-]*)`").matcher(api.substring(start, end));
        while (m.find()) {
            if (!NOT_TYPES.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static Set<String> inTheCode() throws IOException {
        Set<String> types = new TreeSet<>(ProblemTypes.names());
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : new Pattern[] {MADE, LITERAL}) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        types.add(m.group(1));
                    }
                }
            }
        }
        return types;
    }

    @Test
    void everyProblemTypeIsListedAndEveryListedOneIsAnswered() throws IOException {
        Set<String> code = inTheCode();
        assertThat(code).as("types the sources make").contains("order-conflict", "application-open", "not-found",
                "unauthorized", "webhook-unauthorized", "no-endpoint", "concurrent-change", "internal-error");

        assertThat(documented()).containsExactlyInAnyOrderElementsOf(code);
    }
}
