package org.reliefclearance.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

class PlainDataFeelTest {

    /** Stands for any Java object a process variable may hold (a bean's result, a deserialised value). */
    public static final class JavaObject {
        public String shout(String text) {
            return text.toUpperCase();
        }
    }

    private static final String CLASS_LOADER_WALK = "x.class.classLoader.loadClass(\"java.lang.ProcessBuilder\")";

    private final FeelEngine feel = new PlainDataFeel(new DefaultDmnEngineConfiguration()).createInstance();

    @Test
    void camundasFeelCallsMethodsOfJavaObjectsInItsVariables() {
        ScalaFeelEngine camundas = new ScalaFeelEngine(List.of());

        assertThat((Object) camundas.evaluateSimpleExpression("x.shout(\"hello\")", withX(new JavaObject())))
                .isEqualTo("HELLO");
        assertThat((Object) camundas.evaluateSimpleExpression(CLASS_LOADER_WALK, withX(new JavaObject())))
                .asString().contains("java.lang.ProcessBuilder");
    }

    @Test
    void guardedFeelFailsOnJavaObjects() {
        assertThatThrownBy(() -> feel.evaluateSimpleExpression("x.shout(\"hello\")", withX(new JavaObject())))
                .isInstanceOf(FeelException.class).hasMessageContaining("FEEL may use only plain data");
        assertThatThrownBy(() -> feel.evaluateSimpleExpression(CLASS_LOADER_WALK, withX(new JavaObject())))
                .isInstanceOf(FeelException.class);
        assertThatThrownBy(() -> feel.evaluateSimpleExpression("x.a.shout(\"hello\")",
                withX(Map.of("a", new JavaObject())))).isInstanceOf(FeelException.class);
    }

    /** Expressions are parsed once (enginetuning.ParsedFeelEngine); what they may see is checked at each evaluation. */
    @Test
    void anExpressionParsedBeforeIsGuardedAgain() {
        assertThat((Object) feel.evaluateSimpleExpression("x.amount", withX(Map.of("amount", 21)))).isEqualTo(21L);
        assertThatThrownBy(() -> feel.evaluateSimpleExpression("x.amount", withX(Map.of("amount", new JavaObject()))))
                .isInstanceOf(FeelException.class).hasMessageContaining("FEEL may use only plain data");
        assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("x", "category",
                Variables.createVariables().putValue("category", "A").putValue("x", new JavaObject()).asVariableContext()))
                .isInstanceOf(FeelException.class);
        assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("x", "category",
                Variables.createVariables().putValue("category", "A").putValue("x", new JavaObject()).asVariableContext()))
                .isInstanceOf(FeelException.class);
    }

    @Test
    void guardedFeelStillEvaluatesPlainData() {
        assertThat((Object) feel.evaluateSimpleExpression("x.amount * 2", withX(Map.of("amount", 21)))).isEqualTo(42L);
        assertThat((Object) feel.evaluateSimpleExpression("count(x)", withX(List.of("a", "b")))).isEqualTo(2L);
        assertThat(feel.evaluateSimpleUnaryTests("\"MEDICINE\",\"VACCINE\"", "category",
                Variables.createVariables().putValue("category", "VACCINE").asVariableContext())).isTrue();
    }

    private static VariableContext withX(Object value) {
        return Variables.createVariables().putValue("x", value).asVariableContext();
    }
}
