package io.dropflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each WireMock stub names the page it follows, so that it can be checked when the partner changes its API: a
 * JSON mapping in its {@code metadata.source}, a stub written in a test in a {@code //} comment right above its
 * {@code stubFor(} (or on that line). The page is the partner's published one ({@code https://…}) or, for
 * Dropflow's own contracts (the supplier API, the webhooks partners call), the repository file that states it
 * ({@code docs/partners/supplier-api.yaml}, which must exist). The rule holds for every test under
 * {@code src/test/java}, so a stub added to any test keeps to it.
 */
class StubSourcesTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern REPO_PAGE = Pattern.compile("\\bdocs/[\\w./-]*\\w\\.(?:md|ya?ml)");

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

    static List<Path> testsWithStubs() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(StubSourcesTest::stubs).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testsWithStubs")
    void everyStubWrittenInThisTestNamesItsSource(Path test) throws IOException {
        assertThat(unsourcedStubs(Files.readAllLines(test))).as(test.toString()).isEmpty();
    }

    @Test
    void theWalkFindsThePartnersTests() throws IOException {
        assertThat(testsWithStubs()).map(Path::getFileName).map(Path::toString)
                .contains("CjSupplierProcessTest.java", "ShopifyStorefrontTest.java", "Kuaidi100Test.java",
                        "Track17Test.java", "HttpSupplierApiTest.java", "PartnerFaultsIT.java", "TestSupplierApi.java")
                .doesNotContain("StubSourcesTest.java");
    }

    @Test
    void aStubWithoutAPageIsFound() {
        assertThat(unsourcedStubs(List.of("        // CJ's page: https://developers.cjdropshipping.com/en/api/api2/api/shopping.html",
                "        server.stubFor(post(CREATE).willReturn(okJson(\"{}\")));",
                "        // the same again, without its page",
                "        server.stubFor(post(CREATE).willReturn(okJson(\"{}\")));"))).containsExactly(4);
    }

    @Test
    void aStubAnywhereInALineIsOneButNotInACommentOrAString() {
        assertThat(unsourcedStubs(List.of("        run(() -> server.stubFor(post(CREATE).willReturn(ok())));",
                "        // server.stubFor(post(CREATE)) was here",
                "         * {@code server.stubFor(post(CREATE))}",
                "        String example = \"server.stubFor(post(CREATE))\";"))).containsExactly(1);
    }

    @Test
    void aStubOfDropflowsOwnContractNamesAFileThatExists() {
        assertThat(unsourcedStubs(List.of("        // docs/partners/supplier-api.yaml, POST /purchase-orders",
                "        server.stubFor(post(ORDERS).willReturn(okJson(\"{}\")));",
                "        // docs/partners/no-such-contract.md",
                "        server.stubFor(post(ORDERS).willReturn(okJson(\"{}\")));",
                "        // the supplier API's contract",
                "        server.stubFor(post(ORDERS).willReturn(okJson(\"{}\")));"))).containsExactly(4, 6);
    }

    private static boolean stubs(Path test) {
        try {
            return Files.readAllLines(test).stream().anyMatch(StubSourcesTest::isStub);
        } catch (IOException e) {
            throw new IllegalStateException(test.toString(), e);
        }
    }

    /** A stub is a {@code stubFor(} call in code: not in a comment, nor in a string (this test's own examples). */
    private static boolean isStub(String line) {
        String code = STRING.matcher(line.strip()).replaceAll("\"\"");
        return code.contains("stubFor(") && !code.startsWith("//") && !code.startsWith("/*") && !code.startsWith("*");
    }

    /** @return the 1-based lines of stubs with no page address on their line or in the comment right above */
    static List<Integer> unsourcedStubs(List<String> lines) {
        List<Integer> unsourced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!isStub(lines.get(i))) {
                continue;
            }
            StringBuilder said = new StringBuilder(lines.get(i).strip());
            for (int k = i - 1; k >= 0 && lines.get(k).strip().startsWith("//"); k--) {
                said.append(' ').append(lines.get(k).strip());
            }
            if (!namesAPage(said.toString())) {
                unsourced.add(i + 1);
            }
        }
        return unsourced;
    }

    private static boolean namesAPage(String said) {
        if (said.contains("https://")) {
            return true;
        }
        Matcher repoPage = REPO_PAGE.matcher(said);
        while (repoPage.find()) {
            if (Files.isRegularFile(Path.of(repoPage.group()))) {
                return true;
            }
        }
        return false;
    }
}
