package io.dropflow.processengine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The engine REST API's JSON as Camunda configures it ({@link JacksonConfigurator}), except that a
 * JSON variable's value (a task's {@code facts}, ADR 20) is shown as the JSON it holds. Asked with
 * values deserialized (the default of {@code GET /task/{id}/variables}, {@code /variable-instance}),
 * Camunda's mapper wrote the Spin node as a Java bean ({@code {"object":true,"nodeType":"OBJECT",…}}),
 * which says nothing of the facts; with {@code deserializeValues=false} the value is the JSON text, as
 * before.
 *
 * <p>And a variable sent as JSON {@code null} is read as one without a value ({@link VariableSentAsNull}),
 * not as a missing one the API then fails on.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/hal+json"}) // as Camunda's, which it comes before
@Priority(1000)
public class JsonVariablesShown implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper())
            .registerModule(new SimpleModule("dropflow-json-variables").addSerializer(SpinJsonNode.class,
                    new StdSerializer<>(SpinJsonNode.class) {
                        @Override
                        public void serialize(SpinJsonNode node, JsonGenerator json, SerializerProvider provider)
                                throws IOException {
                            json.writeRawValue(node.toString());
                        }
                    }))
            .registerModule(VariableSentAsNull.module());

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
