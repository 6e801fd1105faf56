package io.dropflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each WireMock stub of a partner names the partner page it follows, so that it can be checked when the
 * partner changes its API: a JSON mapping in its {@code metadata.source}, a stub written in a test in a
 * {@code //} comment right above its {@code stubFor(} (or on that line) with the page's address. The inline
 * rule holds for the partner tests listed here (the contract review's finding 5 found stubs without one in
 * each of them); a test added to the list keeps to it from then on.
 */
class StubSourcesTest {

    private static final Path TESTS = Path.of("src/test/java/io/dropflow");

    @Test
    void everyJsonMappingNamesItsSource() throws IOException {
        List<Path> mappings;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/wiremock"))) {
            mappings = files.filter(f -> f.toString().endsWith(".json") && f.toString().contains("mappings")).toList();
        }
        assertThat(mappings).isNotEmpty();
        for (Path mapping : mappings) {
            assertThat(new ObjectMapper().readTree(mapping.toFile()).path("metadata").path("source").asText())
                    .as(mapping.toString()).contains("https://");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"supplier/cj/CjSupplierProcessTest.java", "carrier/track17/Track17PushTest.java",
            "carrier/kuaidi100/Kuaidi100PushTest.java"})
    void everyStubWrittenInThisTestNamesItsSource(String test) throws IOException {
        assertThat(unsourcedStubs(Files.readAllLines(TESTS.resolve(test)))).as(test).isEmpty();
    }

    @Test
    void aStubWithoutAPageIsFound() {
        assertThat(unsourcedStubs(List.of("        // CJ's page: https://developers.cjdropshipping.com/en/api/api2/api/shopping.html",
                "        server.stubFor(post(CREATE).willReturn(okJson(\"{}\")));",
                "        // the same again, without its page",
                "        server.stubFor(post(CREATE).willReturn(okJson(\"{}\")));"))).containsExactly(4);
    }

    /** @return the 1-based lines of stubs with no page address on their line or in the comment right above */
    static List<Integer> unsourcedStubs(List<String> lines) {
        List<Integer> unsourced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.contains("stubFor(") || line.startsWith("//") || line.startsWith("*")) {
                continue;
            }
            StringBuilder said = new StringBuilder(line);
            for (int k = i - 1; k >= 0 && lines.get(k).strip().startsWith("//"); k--) {
                said.append(lines.get(k));
            }
            if (!said.toString().contains("https://")) {
                unsourced.add(i + 1);
            }
        }
        return unsourced;
    }
}
