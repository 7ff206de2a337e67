package org.reliefclearance.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of task-priority.dmn, evaluated by the same DMN engine the process engine uses. */
class TaskPriorityDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = TaskPriorityDecisionTest.class.getClassLoader()
                .getResourceAsStream("bpmn/task-priority.dmn")) {
            decision = engine.parseDecision(TaskPriority.DECISION, dmn);
        }
    }

    @ParameterizedTest(name = "emergency={0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "true  | SHELTER                | 90",
            "true  | MEDICINE               | 90",
            "false | MEDICINE SHELTER       | 80",
            "false | SHELTER VACCINE        | 80",
            "false | MEDICAL_DEVICE         | 80",
            "false | FOOD                   | 70",
            "false | SHELTER SEEDS_PLANTS   | 70",
            "false | FOOD MEDICINE          | 80",
            "false | SHELTER HYGIENE_KIT    | 50",
            "false | TELECOM_EQUIPMENT      | 50"})
    void emergenciesThenMedicalThenPerishableGoodsComeFirst(boolean emergency, String categories, int priority) {
        Object decided = engine.evaluateDecisionTable(decision, Variables.createVariables()
                        .putValue("emergency", emergency)
                        .putValue("categories", List.of(categories.trim().split("\\s+"))))
                .getSingleResult().getEntry("priority");
        assertThat(((Number) decided).intValue()).isEqualTo(priority);
    }
}
