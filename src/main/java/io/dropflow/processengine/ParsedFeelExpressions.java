package io.dropflow.processengine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The process engine's decision tables' FEEL parsed once per expression, not on every evaluation. Camunda 7's FEEL
 * integration ({@link ScalaFeelEngine}) hands the engine the expression's text each time, which
 * parses it again: 3 % of an order's CPU with eight decision evaluations per order (benchmark
 * profile, docs/performance.md). This engine keeps the parsed expression by its text and evaluates
 * it with the same context, value mappers and functions as Camunda's; an expression that does not
 * parse is left to Camunda's code, so its error reads as before.
 */
@Component
class ParsedFeelExpressions extends AbstractProcessEnginePlugin {

    /** Distinct expressions in deployed tables; past this (many table versions) the cache starts afresh. */
    static final int MAX_EXPRESSIONS = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return; // the legacy (JUEL-based) FEEL is a factory of its own; a factory set here would replace it
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // Created when the DMN engine is built, after the process engine gave it its FEEL functions.
        dmn.setFeelEngineFactory(() -> new CachingFeelEngine(dmn.getFeelCustomFunctionProviders() == null
                ? List.of() : dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class CachingFeelEngine extends ScalaFeelEngine {

        private final ConcurrentHashMap<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

        CachingFeelEngine(List<org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider> functions) {
            super(functions);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
            ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
            if (parsed == null) {
                return super.evaluateSimpleExpression(expression, variables);
            }
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new ContextVariableWrapper(variables);
                }
            };
            return (T) valueOf(feelEngine.eval(parsed, context));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
            ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
            if (parsed == null) {
                return super.evaluateSimpleUnaryTests(expression, inputVariable, variables);
            }
            StaticVariableProvider input = new StaticVariableProvider(
                    new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
            ContextVariableWrapper wrapped = new ContextVariableWrapper(variables);
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new CompositeVariableProvider(toScalaList(input, wrapped));
                }
            };
            return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
        }

        /** How many distinct expressions and unary tests are held parsed. */
        int parsedExpressions() {
            return expressions.size() + unaryTests.size();
        }

        private static ParsedExpression parsed(ConcurrentHashMap<String, ParsedExpression> cache, String expression,
                Function<String, Either<Failure, ParsedExpression>> parser) {
            ParsedExpression known = cache.get(expression);
            if (known != null) {
                return known;
            }
            Either<Failure, ParsedExpression> result = parser.apply(expression);
            if (!(result instanceof Right<Failure, ParsedExpression> right)) {
                return null;
            }
            if (cache.size() >= MAX_EXPRESSIONS) {
                cache.clear();
            }
            cache.put(expression, right.value());
            return right.value();
        }

        private static Object valueOf(Either<Failure, Object> result) {
            if (result instanceof Right<Failure, Object> right) {
                return right.value();
            }
            throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
        }
    }
}
