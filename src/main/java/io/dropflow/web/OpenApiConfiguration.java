package io.dropflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfiguration {

    /** An amount as the API takes it: exact decimal text; {@code 1e2} and binary fractions are not amounts. */
    static final String AMOUNT_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    @Bean
    OpenAPI dropflowApi() {
        return new OpenAPI()
                .info(new Info().title("Dropflow API").version("v1")
                        .description("Order intake, order status and partner webhooks. Errors are RFC 7807 problem details."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                        .addSecuritySchemes("webhookToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Dropflow-Webhook-Token")));
    }

    /**
     * The description says what the API does, where springdoc's defaults say otherwise: errors are
     * {@code application/problem+json} (not {@code *}{@code /*}), answers {@code application/json}, and an amount a
     * client sends is exact decimal text ({@code "15.00"}), as docs/api.md says: described as a number, a generated
     * client sends binary doubles ({@code 0.1 + 0.2} is {@code 0.30000000000000004}, refused for its decimals).
     * Amounts the API answers stay numbers: it writes them so.
     */
    @Bean
    OpenApiCustomizer whatTheApiReallyTakesAndAnswers() {
        return api -> {
            shortNames(api);
            Map<String, Schema> schemas = api.getComponents() == null || api.getComponents().getSchemas() == null
                    ? Map.of() : api.getComponents().getSchemas();
            Set<String> sent = new HashSet<>();
            Set<String> answered = new HashSet<>();
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(m -> reach(m.getSchema(), schemas, sent));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().forEach((status, response) -> {
                        if (response.getContent() != null) {
                            response.setContent(answeredAs(status, response.getContent(), schemas, answered));
                        }
                    });
                }
            }));
            sent.stream().filter(name -> !answered.contains(name)).map(schemas::get)
                    .forEach(OpenApiConfiguration::amountsAsText);
        };
    }

    /**
     * Schemas are named by their class's full name ({@code springdoc.use-fqn}), then shortened here: the simple name
     * where it is the only one, else its enclosing type's and its own ({@code PlaceOrderLine}, {@code CollectionLine}).
     * By simple name alone, springdoc kept one of two types of the same name for both: the order's lines described
     * a pickup's, the claim's supplier answer the return's.
     */
    private static void shortNames(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Map<String, Long> simple = schemas.keySet().stream()
                .collect(Collectors.groupingBy(OpenApiConfiguration::simpleName, Collectors.counting()));
        Map<String, String> renamed = new HashMap<>();
        schemas.keySet().forEach(name -> renamed.put(name,
                simple.get(simpleName(name)) == 1 ? simpleName(name) : enclosedName(name)));
        if (new HashSet<>(renamed.values()).size() < renamed.size()) {
            return; // two types still alike: keep the full names rather than merge them
        }
        Map<String, Schema> shortened = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> shortened.put(renamed.get(name), schema));
        api.getComponents().setSchemas(shortened);
        List<Schema> all = new ArrayList<>(shortened.values());
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(m -> all.add(m.getSchema()));
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> all.add(parameter.getSchema()));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(r -> r.getContent().values().forEach(m -> all.add(m.getSchema())));
                }
            }));
        }
        all.forEach(schema -> pointAtShortNames(schema, renamed));
    }

    /** A generic type's full name holds its arguments' after it, each capitalized: {@code ...PageViewIo.dropflow...}. */
    private static final java.util.regex.Pattern TYPE_ARGUMENT =
            java.util.regex.Pattern.compile("(?<=.)(?=[A-Z][a-z0-9]*\\.[a-z])");

    private static String simpleName(String fullName) {
        return named(fullName, false);
    }

    /** The type's name after its enclosing types' ({@code io.dropflow.order.internal.PlaceOrder$Line}: PlaceOrderLine). */
    private static String enclosedName(String fullName) {
        return named(fullName, true);
    }

    private static String named(String fullName, boolean enclosed) {
        StringBuilder name = new StringBuilder();
        for (String type : TYPE_ARGUMENT.split(fullName)) {
            String[] parts = type.split("[.$]");
            int first = parts.length - 1;
            while (enclosed && first > 0 && !parts[first - 1].isEmpty() && Character.isUpperCase(parts[first - 1].charAt(0))
                    && first - 1 > 0) {
                first--;
            }
            name.append(String.join("", java.util.Arrays.copyOfRange(parts, first, parts.length)));
        }
        return name.toString();
    }

    @SuppressWarnings("unchecked")
    private static void pointAtShortNames(Schema<?> schema, Map<String, String> renamed) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            schema.set$ref("#/components/schemas/" + renamed.getOrDefault(name, name));
            return;
        }
        parts(schema).forEach(part -> pointAtShortNames(part, renamed));
    }

    private static Content answeredAs(String status, Content content, Map<String, Schema> schemas, Set<String> answered) {
        boolean problem = status.startsWith("4") || status.startsWith("5");
        Content described = new Content();
        content.forEach((type, media) -> {
            reach(media.getSchema(), schemas, answered);
            boolean file = media.getSchema() != null && "binary".equals(media.getSchema().getFormat());
            described.addMediaType(problem ? "application/problem+json"
                    : "*/*".equals(type) && !file ? org.springframework.http.MediaType.APPLICATION_JSON_VALUE : type,
                    media);
        });
        return described;
    }

    /** The names of the component schemas {@code schema} reaches. */
    @SuppressWarnings("unchecked")
    private static void reach(Schema<?> schema, Map<String, Schema> schemas, Set<String> reached) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (reached.add(name)) {
                reach(schemas.get(name), schemas, reached);
            }
            return;
        }
        parts(schema).forEach(part -> reach(part, schemas, reached));
    }

    /** The schemas a schema holds: its properties', items', alternatives' and map values'. */
    @SuppressWarnings("unchecked")
    private static List<Schema> parts(Schema<?> schema) {
        List<Schema> parts = new ArrayList<>();
        if (schema.getProperties() != null) {
            parts.addAll(schema.getProperties().values());
        }
        parts.add(schema.getItems());
        parts.addAll(schema.getAllOf() == null ? List.of() : schema.getAllOf());
        parts.addAll(schema.getOneOf() == null ? List.of() : schema.getOneOf());
        parts.addAll(schema.getAnyOf() == null ? List.of() : schema.getAnyOf());
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            parts.add(values);
        }
        return parts;
    }

    /** A BigDecimal (springdoc: a number without a format) of a request, as the exact text the API takes. */
    @SuppressWarnings("unchecked")
    private static void amountsAsText(Schema<?> schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        schema.getProperties().replaceAll((name, property) -> {
            if (isDecimal(property)) {
                return asText(property);
            }
            if (property.getItems() != null && isDecimal(property.getItems())) {
                property.setItems(asText(property.getItems()));
            }
            return property;
        });
    }

    private static boolean isDecimal(Schema<?> property) {
        boolean number = "number".equals(property.getType())
                || (property.getTypes() != null && property.getTypes().contains("number")); // OpenAPI 3.0 or 3.1
        return number && property.getFormat() == null && property.get$ref() == null;
    }

    private static Schema<?> asText(Schema<?> number) {
        StringSchema text = new StringSchema();
        text.setTypes(new java.util.LinkedHashSet<>(List.of("string")));
        text.format("decimal").pattern(AMOUNT_PATTERN);
        text.setDescription((number.getDescription() == null ? "" : number.getDescription() + " ")
                + "Exact decimal text (\"15.00\"); a JSON number is taken too.");
        if (number.getExample() != null) {
            text.setExample(new BigDecimal(number.getExample().toString()).toPlainString());
        }
        text.setNullable(number.getNullable());
        return text;
    }
}
