package org.reliefclearance.enginetuning;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine for decisions, parsing each expression once (README, "Performance").
 * Camunda's own parses the text of every input entry of every rule at every evaluation, which took
 * most of a decision table's time. The parsed form is immutable, so threads share it; the
 * evaluation, its variables and its errors are Camunda's. An expression that does not parse is not
 * kept: it fails as before, at each evaluation. The model guard's FEEL engine builds on this one
 * ({@code modelguard.PlainDataFeel}).
 */
public class ParsedFeelEngine extends ScalaFeelEngine {

    /** Deployed decisions hold a few hundred expressions; past this many, start again. */
    static final int MAX_KEPT = 10_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public ParsedFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) valueOf(evaluate(expression, expressions, feelEngine::parseExpression, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        StaticVariableProvider input = new StaticVariableProvider(
                new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(toScalaList(input, variables));
            }
        };
        return BoxesRunTime.unboxToBoolean(valueOf(evaluate(expression, unaryTests, feelEngine::parseUnaryTests,
                context)));
    }

    private Either<Failure, Object> evaluate(String expression, Map<String, ParsedExpression> parsed,
            Function<String, Either<Failure, ParsedExpression>> parser, CustomContext context) {
        ParsedExpression kept = parsed.get(expression);
        if (kept == null) {
            Either<Failure, ParsedExpression> parsing = parser.apply(expression);
            if (parsing instanceof Right<Failure, ParsedExpression> right) {
                if (parsed.size() >= MAX_KEPT) {
                    parsed.clear();
                }
                kept = right.value();
                parsed.put(expression, kept);
            } else {
                return (Either<Failure, Object>) (Either<?, ?>) parsing;
            }
        }
        return feelEngine.eval(kept, context);
    }

    /** How many parsed expressions and unary tests are kept. */
    int kept() {
        return expressions.size() + unaryTests.size();
    }

    private static Object valueOf(Either<Failure, Object> result) {
        if (result instanceof Right<Failure, Object> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
    }
}
