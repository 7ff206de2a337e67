package org.reliefclearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.support.DecisionTables;

/** Every row of goods-classification.dmn, on a plain DMN engine, with the rule that decides each. */
class GoodsClassificationTest {

    private static final String FILE = "bpmn/goods-classification.dmn";
    private static final DecisionTables TABLE = new DecisionTables(FILE, GoodsClassification.DECISION);

    static Stream<Arguments> rows() {
        return Stream.of(
                // rule id, HS code, declared category, treatment, the treatment's own documents
                // (a permit's documents come with its authorities from goods-approvals.dmn: GoodsApprovalsTest)
                Arguments.of("Rule_ArmsAndAmmunition", "930690", "OTHER", "PROHIBITED", null),
                Arguments.of("Rule_NarcoticDrugs", "13021100", "MEDICINE", "PROHIBITED", null),
                Arguments.of("Rule_VaccinesByHsCode", "300241", "VACCINE", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_MedicinesByHsCode", "300490", "OTHER", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_MedicalDevicesByHsCode", "901890", "MEDICAL_DEVICE", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_SeedsAndPlantsByHsCode", "120991", "SEEDS_PLANTS", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_AnimalsByHsCode", "010221", "OTHER", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_FoodByHsCode", "100630", "FOOD", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_TelecomByHsCode", "851714", "TELECOM_EQUIPMENT", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_VehiclesByHsCode", "870421", "VEHICLE", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_FuelAndGasByHsCode", "271019", "FUEL_GAS", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_HazardousChemicalsByHsCode", "282810", "WATER_SANITATION", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_MedicalGoodsByCategory", "481890", "MEDICINE", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_FoodByCategory", "200899", "FOOD", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_SeedsAndPlantsByCategory", "140490", "SEEDS_PLANTS", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_AnimalsByCategory", "410150", "ANIMALS_ANIMAL_PRODUCTS", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_TelecomByCategory", "852990", "TELECOM_EQUIPMENT", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_VehiclesFuelChemicalsByCategory", "380894", "HAZARDOUS_CHEMICAL", "PERMIT_REQUIRED", null),
                Arguments.of("Rule_ReliefItemsByHsCode", "630622", "SHELTER", "RELIEF_EXEMPT", "DONATION_CERTIFICATE"),
                Arguments.of("Rule_ReliefItemsByHsCode", "392490", "OTHER", "RELIEF_EXEMPT", "DONATION_CERTIFICATE"),
                Arguments.of("Rule_ReliefItemsByCategory", "732393", "HOUSEHOLD_ITEMS", "RELIEF_EXEMPT", "DONATION_CERTIFICATE"),
                Arguments.of("Rule_Dutiable", "847130", "OTHER", "DUTIABLE", "PROFORMA_INVOICE"));
    }

    @ParameterizedTest(name = "{0}: HS {1} / {2} -> {3}")
    @MethodSource("rows")
    void classifiesEveryRule(String ruleId, String hsCode, String category, String treatment, String documents) {
        DmnDecisionResult result = TABLE.evaluate(Map.of("hsCode", hsCode, "category", category));

        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleResult().getEntry("treatment")).isEqualTo(treatment);
        assertThat(result.getSingleResult()).as("the authorities are goods-approvals.dmn's").doesNotContainKey("authority");
        assertThat((String) result.getSingleResult().getEntry("documents")).isEqualTo(documents);
        assertThat((String) result.getSingleResult().getEntry("reason")).isNotBlank();
        assertThat(TABLE.matchedRules()).as("FIRST hit policy: the first rule that matches").first().isEqualTo(ruleId);
    }

    @Test
    void theRowsAboveCoverEveryRuleOfTheTable() {
        Set<String> modelRules = Dmn.readModelFromFile(Path.of(FILE).toFile())
                .getModelElementsByType(Rule.class).stream().map(Rule::getId).collect(Collectors.toSet());
        Set<String> testedRules = rows().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(testedRules).isEqualTo(modelRules);
    }
}
