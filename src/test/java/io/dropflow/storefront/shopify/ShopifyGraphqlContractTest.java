package io.dropflow.storefront.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every GraphQL document Dropflow sends to Shopify is valid against Shopify's published Admin schema
 * 2026-07: src/test/resources/shopify/admin_2026-07.json.gz is dist/data/admin_2026-07.json.gz of the
 * npm package @shopify/dev-mcp@1.16.0, byte for byte (ShopifySchemaIT installs the package with npm and
 * proves it). A field Shopify renames or removes fails the build here, before any shop sees it.
 */
class ShopifyGraphqlContractTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void schema() throws IOException {
        try (InputStream in = ShopifyGraphqlContractTest.class.getResourceAsStream("/shopify/admin_2026-07.json.gz")) {
            schema = ShopifyAdminSchema.fromIntrospection(in);
        }
    }

    static List<Path> documents() throws IOException {
        return ShopifyAdminSchema.documents();
    }

    @ParameterizedTest(name = "{0} is valid against Shopify's Admin schema 2026-07")
    @MethodSource("documents")
    void everyDocumentDropflowSendsIsValidAgainstShopifysPublishedSchema(Path document) throws IOException {
        assertThat(ShopifyAdminSchema.errors(schema, document)).as(document.toString()).isEmpty();
    }

    @Test
    void aRenamedFieldFailsValidation() throws IOException {
        Path broken = java.nio.file.Files.createTempFile("Broken", ".graphql");
        java.nio.file.Files.writeString(broken, "query { order(id: \"gid://shopify/Order/1\") { trackingNumber } }");
        assertThat(ShopifyAdminSchema.errors(schema, broken)).isNotEmpty();
    }

    @Test
    void theDefaultApiVersionIsShopifysLatestSupportedVersionAndNoUnsupportedOneIsAllowed() throws IOException {
        JsonNode versions;
        try (InputStream in = getClass().getResourceAsStream("/shopify/supported-versions-schema.json")) {
            versions = new ObjectMapper().readTree(in).path("admin");
        }
        List<String> supported = new ArrayList<>();
        String latest = null;
        for (JsonNode v : versions) {
            if (!"unstable".equals(v.path("name").asText())) {
                supported.add(v.path("name").asText());
            }
            if (v.path("latestVersion").asBoolean(false)) {
                latest = v.path("name").asText();
            }
        }
        assertThat(new ShopifySettings(null, null, null, null, null, null, null, null, null, null, null, null).apiVersion())
                .isEqualTo(latest).isEqualTo("2026-07");
        // the snapshot is of a day 2026-07 was the latest version: the schedule gives the same list on such a day
        assertThat(ShopifySettings.supportedVersions(java.time.Instant.parse("2026-08-15T00:00:00Z")))
                .containsExactlyInAnyOrderElementsOf(supported);
    }

    @Test
    void theSupportedVersionsFollowShopifysQuarterlyScheduleFromTheClock() {
        // https://shopify.dev/docs/api/usage/versioning: every three months at the beginning of the quarter at
        // 5pm UTC; each stable version supported for a minimum of 12 months; the next one is the release candidate
        assertThat(ShopifySettings.supportedVersions(java.time.Instant.parse("2026-12-07T01:30:00Z")))
                .containsExactly("2026-01", "2026-04", "2026-07", "2026-10", "2027-01");
        assertThat(ShopifySettings.supportedVersions(java.time.Instant.parse("2026-10-01T16:59:59Z")))
                .containsExactly("2025-10", "2026-01", "2026-04", "2026-07", "2026-10");
        assertThat(ShopifySettings.supportedVersions(java.time.Instant.parse("2026-10-01T17:00:00Z")))
                .containsExactly("2026-01", "2026-04", "2026-07", "2026-10", "2027-01");
        assertThat(ShopifySettings.supportedVersions(java.time.Instant.parse("2027-01-01T12:00:00Z")))
                .containsExactly("2026-01", "2026-04", "2026-07", "2026-10", "2027-01");
        assertThat(ShopifySettings.supportedVersions(java.time.Instant.parse("2027-01-01T17:00:00Z")))
                .containsExactly("2026-04", "2026-07", "2026-10", "2027-01", "2027-04");
    }
}
