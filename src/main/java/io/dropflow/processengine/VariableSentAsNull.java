package io.dropflow.processengine;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;

/**
 * A variable the engine REST API reads as JSON {@code null} instead of {@code {"value": …}}
 * ({@code {"variables": {"reviewDecision": null}}} completing a task, {@code {"modifications": {"x": null}}},
 * a {@code PUT …/variables/x} of {@code null}) is read as a variable without a value, as
 * {@code {"value": null}} is. Camunda's API left it null and failed on it (a NullPointerException, a 500
 * with its Java words); now whatever checks the variable answers: a task's form says
 * "reviewDecision is required" (a 400, translated on Tasklist's engine API), a person may not write a
 * task's variables (403), a field the form does not take is named.
 */
final class VariableSentAsNull {

    private VariableSentAsNull() {
    }

    /** For the engine REST API's object mapper. */
    static SimpleModule module() {
        return new SimpleModule("dropflow-variable-sent-as-null").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                    JsonDeserializer<?> deserializer) {
                return VariableValueDto.class.equals(bean.getBeanClass()) ? new WithoutValue(deserializer) : deserializer;
            }
        });
    }

    /** Camunda's own reading of a variable, with JSON {@code null} read as a variable without value. */
    private static final class WithoutValue extends DelegatingDeserializer {

        WithoutValue(JsonDeserializer<?> camunda) {
            super(camunda);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> camunda) {
            return new WithoutValue(camunda);
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return new VariableValueDto();
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC; // a new one each time: the API may change what it reads
        }
    }
}
