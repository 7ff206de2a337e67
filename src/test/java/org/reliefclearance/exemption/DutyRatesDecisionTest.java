package org.reliefclearance.exemption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reliefclearance.support.DecisionTables;

/** Every row of duty-rates.dmn, on a plain DMN engine: what a line would pay without an exemption. */
class DutyRatesDecisionTest {

    private static final DecisionTables TABLE = new DecisionTables("bpmn/duty-rates.dmn", DutyRates.DECISION);
    private static final Set<String> MATCHED = new HashSet<>();

    @ParameterizedTest(name = "HS {0} -> duty {1}%, excise {2}%, VAT {3}%")
    @CsvSource({
            "300410,     0,  0,  0, Rule_Medicines",
            "901890,     0,  0,  0, Rule_MedicalDevices",
            "100630,     5,  0, 10, Rule_FoodStaples",
            "120991,     5,  0, 10, Rule_SeedsAndPlants",
            "040221,    10,  0, 10, Rule_MeatAndDairy",
            "220210,    20, 30, 10, Rule_Beverages",
            "271019,     5, 20, 10, Rule_Fuel",
            "870421,    20, 25, 10, Rule_Vehicles",
            "851714,     5,  0, 10, Rule_MachinesAndElectrical",
            "630622,    10,  0, 10, Rule_Other"})
    void ratesByHsCode(String hsCode, double duty, double excise, double vat, String rule) {
        DmnDecisionResultEntries rates = TABLE.evaluate(Map.of("hsCode", hsCode)).getFirstResult();

        assertThat(((Number) rates.getEntry("importDutyPercent")).doubleValue()).isEqualTo(duty);
        assertThat(((Number) rates.getEntry("excisePercent")).doubleValue()).isEqualTo(excise);
        assertThat(((Number) rates.getEntry("vatPercent")).doubleValue()).isEqualTo(vat);
        assertThat(TABLE.matchedRules()).first().isEqualTo(rule);
        MATCHED.add(rule);
    }

    @AfterAll
    static void everyRuleIsExercised() throws Exception {
        Set<String> rules;
        try (InputStream dmn = Files.newInputStream(Path.of("bpmn/duty-rates.dmn"))) {
            rules = Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class).stream().map(Rule::getId)
                    .collect(Collectors.toSet());
        }
        assertThat(MATCHED).isEqualTo(rules);
    }

    @Test
    void everyLineFindsARate() {
        for (String hs : List.of("0101", "999999", "97")) {
            assertThat(TABLE.evaluate(Map.of("hsCode", hs)).getFirstResult()).as(hs).isNotNull();
        }
    }
}
