package io.dropflow.storefront.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Shopify publishes its Admin GraphQL schema in the npm package @shopify/dev-mcp
 * (dist/data/admin_&lt;version&gt;.json.gz). This installs that package, pinned in
 * src/test/shopify-schema/package-lock.json, with {@code npm ci} into target/ (as ModelLintIT installs
 * Camunda's linter), proves that the copy ShopifyGraphqlContractTest reads is that file byte for byte,
 * and validates every document Dropflow sends against the package's own file. Needs Node.js and npm.
 */
class ShopifySchemaIT {

    private static final Path SETUP = Path.of("src", "test", "shopify-schema");
    private static final Path WORK = Path.of("target", "shopify-schema");
    private static final Path PUBLISHED = WORK.resolve("node_modules/@shopify/dev-mcp/dist/data");

    @Test
    void theCheckedInSchemaIsShopifysPublishedOneAndEveryDocumentPassesIt() throws Exception {
        install();
        for (String file : List.of("admin_2026-07.json.gz", "supported-versions-schema.json")) {
            assertThat(Files.readAllBytes(Path.of("src", "test", "resources", "shopify", file)))
                    .as(file + " is @shopify/dev-mcp@1.16.0's dist/data/" + file)
                    .isEqualTo(Files.readAllBytes(PUBLISHED.resolve(file)));
        }
        GraphQLSchema schema;
        try (InputStream in = Files.newInputStream(PUBLISHED.resolve("admin_2026-07.json.gz"))) {
            schema = ShopifyAdminSchema.fromIntrospection(in);
        }
        for (Path document : ShopifyAdminSchema.documents()) {
            assertThat(ShopifyAdminSchema.errors(schema, document)).as(document.toString()).isEmpty();
        }
    }

    /** npm ci into target/, again whenever the pinned versions change. */
    private static void install() throws Exception {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json")) {
            Path target = WORK.resolve(file);
            byte[] wanted = Files.readAllBytes(SETUP.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), wanted)) {
                Files.copy(SETUP.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.exists(PUBLISHED.resolve("admin_2026-07.json.gz"))) {
            // --ignore-scripts: only the package's files are needed, none of its install steps run.
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(WORK.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within 5 minutes");
            }
            assertThat(npm.exitValue()).as("npm ci for @shopify/dev-mcp (needs Node.js and npm):%n%s", output).isZero();
        }
    }
}
