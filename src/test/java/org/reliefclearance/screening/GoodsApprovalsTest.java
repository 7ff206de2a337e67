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

/**
 * Every row of goods-approvals.dmn (hit policy COLLECT) on a plain DMN engine, and what it makes of a
 * line together with goods-classification.dmn, as {@link GoodsClassification} combines them.
 */
class GoodsApprovalsTest {

    private static final String FILE = "bpmn/goods-approvals.dmn";
    private static final DecisionTables APPROVALS = new DecisionTables(FILE, GoodsClassification.APPROVALS_DECISION);
    private static final DecisionTables CLASSIFICATION =
            new DecisionTables("bpmn/goods-classification.dmn", GoodsClassification.DECISION);

    static Stream<Arguments> rows() {
        return Stream.of(
                // rule id, HS code, declared category, authority it adds
                Arguments.of("Rule_VaccinesByHsCode_MohFdd", "300241", "OTHER", "MOH_FDD"),
                Arguments.of("Rule_MedicinesByHsCode_MohFdd", "300490", "OTHER", "MOH_FDD"),
                Arguments.of("Rule_MedicalDevicesByHsCode_MohFdd", "901890", "OTHER", "MOH_FDD"),
                Arguments.of("Rule_SeedsAndPlantsByHsCode_MafDoa", "120991", "OTHER", "MAF_DOA"),
                Arguments.of("Rule_AnimalsByHsCode_MafDlf", "010221", "OTHER", "MAF_DLF"),
                Arguments.of("Rule_MeatByHsCode_MafDlf", "020130", "OTHER", "MAF_DLF"),
                Arguments.of("Rule_MeatByHsCode_MohFdd", "160250", "OTHER", "MOH_FDD"),
                Arguments.of("Rule_DairyByHsCode_MohFdd", "040221", "OTHER", "MOH_FDD"),
                Arguments.of("Rule_DairyByHsCode_MafDlf", "040221", "OTHER", "MAF_DLF"),
                Arguments.of("Rule_FoodByHsCode_MohFdd", "100630", "OTHER", "MOH_FDD"),
                Arguments.of("Rule_TelecomByHsCode_Mtc", "851714", "OTHER", "MTC"),
                Arguments.of("Rule_VehiclesByHsCode_Moic", "870421", "OTHER", "MOIC"),
                Arguments.of("Rule_FuelAndGasByHsCode_Moic", "271019", "OTHER", "MOIC"),
                Arguments.of("Rule_HazardousChemicalsByHsCode_Moic", "282810", "OTHER", "MOIC"),
                Arguments.of("Rule_MedicinesAndVaccinesByCategory_MohFdd", "481890", "MEDICINE", "MOH_FDD"),
                Arguments.of("Rule_MedicalDevicesByCategory_MohFdd", "481890", "MEDICAL_DEVICE", "MOH_FDD"),
                Arguments.of("Rule_FoodByCategory_MohFdd", "200899", "FOOD", "MOH_FDD"),
                Arguments.of("Rule_SeedsAndPlantsByCategory_MafDoa", "140490", "SEEDS_PLANTS", "MAF_DOA"),
                Arguments.of("Rule_AnimalsByCategory_MafDlf", "410150", "ANIMALS_ANIMAL_PRODUCTS", "MAF_DLF"),
                Arguments.of("Rule_TelecomByCategory_Mtc", "852990", "TELECOM_EQUIPMENT", "MTC"),
                Arguments.of("Rule_VehiclesByCategory_Moic", "842720", "VEHICLE", "MOIC"),
                Arguments.of("Rule_FuelAndChemicalsByCategory_Moic", "380894", "HAZARDOUS_CHEMICAL", "MOIC"));
    }

    @ParameterizedTest(name = "{0}: HS {1} / {2} -> {3}")
    @MethodSource("rows")
    void everyRuleAddsItsAuthority(String ruleId, String hsCode, String category, String authority) {
        DmnDecisionResult result = APPROVALS.evaluate(Map.of("hsCode", hsCode, "category", category));

        assertThat(APPROVALS.matchedRules()).contains(ruleId);
        int hit = APPROVALS.matchedRules().indexOf(ruleId);
        assertThat((String) result.get(hit).getEntry("authority")).isEqualTo(authority);
        assertThat((String) result.get(hit).getEntry("documents")).isNotBlank();
        assertThat((String) result.get(hit).getEntry("reason")).isNotBlank();
    }

    @Test
    void theRowsAboveCoverEveryRuleOfTheTable() {
        Set<String> modelRules = Dmn.readModelFromFile(Path.of(FILE).toFile())
                .getModelElementsByType(Rule.class).stream().map(Rule::getId).collect(Collectors.toSet());
        assertThat(rows().map(a -> (String) a.get()[0]).collect(Collectors.toSet())).isEqualTo(modelRules);
    }

    @Test
    void dairyNeedsFoodSafetyAndVeterinaryApprovalEachOnce() {
        DmnDecisionResult collected = APPROVALS.evaluate(Map.of("hsCode", "040221", "category", "FOOD"));

        // COLLECT: every matching rule, in rule order; the declared category names MOH_FDD a second time
        assertThat(APPROVALS.matchedRules()).containsExactly("Rule_DairyByHsCode_MohFdd", "Rule_DairyByHsCode_MafDlf",
                "Rule_FoodByCategory_MohFdd");
        assertThat(collected.collectEntries("authority")).containsExactly("MOH_FDD", "MAF_DLF", "MOH_FDD");

        GoodsRequirement milkPowder = requirement("040221", "FOOD");
        assertThat(milkPowder.treatment()).isEqualTo("PERMIT_REQUIRED");
        assertThat(milkPowder.authorities()).containsExactly("MOH_FDD", "MAF_DLF");
        assertThat(milkPowder.authorityCode()).as("the lead authority, as before").isEqualTo("MOH_FDD");
        assertThat(milkPowder.approvals()).extracting(GoodsRequirement.Approval::documents).containsExactly(
                List.of("IMPORT_PERMIT", "CERTIFICATE_OF_ANALYSIS"), List.of("IMPORT_PERMIT", "VETERINARY_CERTIFICATE"));
        assertThat(milkPowder.documents()).as("the union, once each")
                .containsExactly("IMPORT_PERMIT", "CERTIFICATE_OF_ANALYSIS", "VETERINARY_CERTIFICATE");
    }

    @Test
    void meatNeedsVeterinaryThenFoodSafetyApproval() {
        assertThat(requirement("020130", "ANIMALS_ANIMAL_PRODUCTS").authorities()).containsExactly("MAF_DLF", "MOH_FDD");
        assertThat(requirement("160250", "FOOD").authorities()).containsExactly("MAF_DLF", "MOH_FDD");
    }

    /** The goods of goods-classification.dmn's rows, with the one authority and documents they had before. */
    static Stream<Arguments> goodsBefore() {
        return Stream.of(
                // HS code, declared category, authority, documents (as goods-classification.dmn gave them alone)
                Arguments.of("930690", "OTHER", null, ""),
                Arguments.of("13021100", "MEDICINE", null, ""),
                Arguments.of("300241", "VACCINE", "MOH_FDD", "IMPORT_PERMIT,CERTIFICATE_OF_ANALYSIS"),
                Arguments.of("300410", "MEDICINE", "MOH_FDD", "IMPORT_PERMIT,CERTIFICATE_OF_ANALYSIS"),
                Arguments.of("300490", "OTHER", "MOH_FDD", "IMPORT_PERMIT,CERTIFICATE_OF_ANALYSIS"),
                Arguments.of("901890", "MEDICAL_DEVICE", "MOH_FDD", "IMPORT_PERMIT"),
                Arguments.of("120991", "SEEDS_PLANTS", "MAF_DOA", "IMPORT_PERMIT,PHYTOSANITARY_CERTIFICATE"),
                Arguments.of("010221", "OTHER", "MAF_DLF", "IMPORT_PERMIT,VETERINARY_CERTIFICATE"),
                Arguments.of("100630", "FOOD", "MOH_FDD", "IMPORT_PERMIT,CERTIFICATE_OF_ANALYSIS"),
                Arguments.of("851714", "TELECOM_EQUIPMENT", "MTC", "RADIO_LICENCE"),
                Arguments.of("870421", "VEHICLE", "MOIC", "IMPORT_LICENCE"),
                Arguments.of("271019", "FUEL_GAS", "MOIC", "IMPORT_LICENCE,SAFETY_DATA_SHEET"),
                Arguments.of("282810", "WATER_SANITATION", "MOIC", "IMPORT_LICENCE,SAFETY_DATA_SHEET"),
                Arguments.of("481890", "MEDICINE", "MOH_FDD", "IMPORT_PERMIT,CERTIFICATE_OF_ANALYSIS"),
                Arguments.of("200899", "FOOD", "MOH_FDD", "IMPORT_PERMIT,CERTIFICATE_OF_ANALYSIS"),
                Arguments.of("140490", "SEEDS_PLANTS", "MAF_DOA", "IMPORT_PERMIT,PHYTOSANITARY_CERTIFICATE"),
                Arguments.of("410150", "ANIMALS_ANIMAL_PRODUCTS", "MAF_DLF", "IMPORT_PERMIT,VETERINARY_CERTIFICATE"),
                Arguments.of("852990", "TELECOM_EQUIPMENT", "MTC", "RADIO_LICENCE"),
                Arguments.of("380894", "HAZARDOUS_CHEMICAL", "MOIC", "IMPORT_LICENCE,SAFETY_DATA_SHEET"),
                Arguments.of("630622", "SHELTER", null, "DONATION_CERTIFICATE"),
                Arguments.of("392490", "OTHER", null, "DONATION_CERTIFICATE"),
                Arguments.of("732393", "HOUSEHOLD_ITEMS", null, "DONATION_CERTIFICATE"),
                Arguments.of("930320", "OTHER", null, ""),
                Arguments.of("847130", "OTHER", null, "PROFORMA_INVOICE"));
    }

    @ParameterizedTest(name = "HS {0} / {1} -> {2}")
    @MethodSource("goodsBefore")
    void goodsNeedingOneAuthorityBeforeNeedTheSameOneAndTheSameDocuments(String hsCode, String category,
                                                                        String authority, String documents) {
        GoodsRequirement requirement = requirement(hsCode, category);

        assertThat(requirement.authorities()).isEqualTo(authority == null ? List.of() : List.of(authority));
        assertThat(String.join(",", requirement.documents())).isEqualTo(documents);
    }

    @ParameterizedTest(name = "{0}: HS {1} / {2}")
    @MethodSource("org.reliefclearance.screening.GoodsClassificationTest#rows")
    void everyLineNeedingAPermitHasAnAuthorityAndNoOtherLineHasOne(String ruleId, String hsCode, String category,
                                                                  String treatment, String documents) {
        GoodsRequirement requirement = requirement(hsCode, category);

        assertThat(requirement.treatment()).isEqualTo(treatment);
        if (requirement.permitRequired()) {
            assertThat(requirement.authorities()).as("a permit somebody may grant").isNotEmpty();
        } else {
            // the narcotics are declared MEDICINE: an approval rule matches, the prohibition stands alone
            assertThat(requirement.approvals()).isEmpty();
        }
    }

    /** Both decisions as the service combines them (GoodsClassification.classify). */
    private static GoodsRequirement requirement(String hsCode, String category) {
        Map<String, Object> goods = Map.of("hsCode", hsCode, "category", category);
        return GoodsClassification.requirement(CLASSIFICATION.evaluate(goods).getFirstResult(),
                () -> APPROVALS.evaluate(goods));
    }
}
