package io.dropflow.storefront.shopify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Shopify's Admin GraphQL schema as Shopify publishes it (introspection JSON, gzip), built with
 * graphql-java, and our documents (src/main/resources/shopify/graphql) validated against it.
 */
final class ShopifyAdminSchema {

    static final Path DOCUMENTS = Path.of("src", "main", "resources", "shopify", "graphql");

    private ShopifyAdminSchema() {
    }

    static GraphQLSchema fromIntrospection(InputStream gzipped) throws IOException {
        Map<String, Object> introspection = new ObjectMapper().readValue(new GZIPInputStream(gzipped),
                new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> data = introspection.containsKey("data") ? (Map<String, Object>) introspection.get("data")
                : introspection;
        Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
        TypeDefinitionRegistry types = new SchemaParser().buildRegistry(sdl);
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            return files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
        }
    }

    /** @return the validation errors of one document, each with its location */
    static List<String> errors(GraphQLSchema schema, Path document) throws IOException {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema,
                graphql.ExecutionInput.newExecutionInput(Files.readString(document)).build());
        if (result.getSyntaxException() != null) {
            return List.of(result.getSyntaxException().getMessage());
        }
        return result.getValidationErrors().stream().map(ValidationError::getMessage).toList();
    }
}
