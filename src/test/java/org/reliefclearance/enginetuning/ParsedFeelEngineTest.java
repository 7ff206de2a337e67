package org.reliefclearance.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The FEEL engine that parses once answers as Camunda's own does, the first time and every time after. */
class ParsedFeelEngineTest {

    private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
    private final ParsedFeelEngine parsed = new ParsedFeelEngine(List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"MEDICINE\",\"FOOD\"   | category | MEDICINE",
            "\"MEDICINE\",\"FOOD\"   | category | TOOLS",
            "not(\"TOOLS\")          | category | TOOLS",
            "not(\"TOOLS\")          | category | FOOD",
            "[1..10]                 | weight   | 10",
            "[1..10]                 | weight   | 11",
            "> 500                   | weight   | 501",
            "-                       | weight   | 3",
            "starts with(?, \"MED\") | category | MEDICINE",
            "? > weight * 2          | value    | 7",
            "[date(\"2026-01-01\")..date(\"2026-12-31\")] | day | 2026-06-01"})
    void unaryTestsAnswerAsCamundasEngine(String tests, String input, String value) {
        VariableContext variables = variables(input, value);
        boolean expected = camunda.evaluateSimpleUnaryTests(tests, input, variables);
        assertThat(parsed.evaluateSimpleUnaryTests(tests, input, variables)).isEqualTo(expected);
        assertThat(parsed.evaluateSimpleUnaryTests(tests, input, variables)).as("parsed before").isEqualTo(expected);
    }

    @Test
    void eachExpressionIsParsedOnceAndWhatFailsToParseIsNotKept() {
        VariableContext variables = variables("category", "FOOD");
        parsed.evaluateSimpleUnaryTests("\"FOOD\"", "category", variables);
        parsed.evaluateSimpleUnaryTests("\"FOOD\"", "category", variables);
        assertThat(parsed.kept()).isEqualTo(1);
        parsed.evaluateSimpleExpression("weight * 2", variables);
        parsed.evaluateSimpleExpression("weight * 2", variables);
        assertThat(parsed.kept()).isEqualTo(2);
        assertThatThrownBy(() -> parsed.evaluateSimpleExpression("weight +", variables)).isInstanceOf(FeelException.class);
        assertThat(parsed.kept()).isEqualTo(2);
    }

    @Test
    void theSameTestsGiveEachEvaluationItsOwnValue() {
        String tests = "\"MEDICINE\",\"FOOD\"";
        assertThat(parsed.evaluateSimpleUnaryTests(tests, "category", variables("category", "FOOD"))).isTrue();
        assertThat(parsed.evaluateSimpleUnaryTests(tests, "category", variables("category", "TOOLS"))).isFalse();
        assertThat(parsed.evaluateSimpleUnaryTests(tests, "category", variables("category", "MEDICINE"))).isTrue();
    }

    @Test
    void expressionsAnswerAsCamundasEngine() {
        VariableContext variables = Variables.createVariables().putValue("weight", 40).putValue("items", List.of(1, 2, 3))
                .asVariableContext();
        for (String expression : List.of("weight * 2", "count(items)", "if weight > 30 then \"heavy\" else \"light\"",
                "upper case(\"lao\")", "weight")) {
            Object expected = camunda.evaluateSimpleExpression(expression, variables);
            assertThat((Object) parsed.evaluateSimpleExpression(expression, variables)).as(expression).isEqualTo(expected);
            assertThat((Object) parsed.evaluateSimpleExpression(expression, variables)).as(expression).isEqualTo(expected);
        }
    }

    @Test
    void whatFailsFailsTheSameWayEveryTime() {
        VariableContext variables = variables("weight", "3");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> parsed.evaluateSimpleUnaryTests("[1..", "weight", variables))
                    .isInstanceOf(FeelException.class)
                    .hasMessage(messageOf(() -> camunda.evaluateSimpleUnaryTests("[1..", "weight", variables)));
            assertThatThrownBy(() -> parsed.evaluateSimpleExpression("weight +", variables))
                    .isInstanceOf(FeelException.class)
                    .hasMessage(messageOf(() -> camunda.evaluateSimpleExpression("weight +", variables)));
        }
    }

    private static String messageOf(Runnable failing) {
        try {
            failing.run();
        } catch (FeelException e) {
            return e.getMessage();
        }
        throw new AssertionError("Camunda's engine did not fail");
    }

    private static VariableContext variables(String name, String value) {
        Object typed = value.matches("-?\\d+") ? (Object) Integer.valueOf(value)
                : value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : value;
        return Variables.createVariables().putValue(name, typed).putValue("weight", 3).asVariableContext();
    }
}
