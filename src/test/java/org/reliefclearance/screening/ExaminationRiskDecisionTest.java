package org.reliefclearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reliefclearance.support.DecisionTables;

/** Every row of examination-risk.dmn, on a plain DMN engine: examination only by exception. */
class ExaminationRiskDecisionTest {

    private static final DecisionTables TABLE = new DecisionTables("bpmn/examination-risk.dmn", "examination-risk");

    @ParameterizedTest(name = "inspection={0}, first={1}, dutiable={2}, USD {3} -> examine={4} ({5})")
    @CsvSource({
            "true,  false, false, 1000,   true,  A ministry's permit requires inspection on arrival",
            "true,  true,  true,  900000, true,  A ministry's permit requires inspection on arrival",
            "false, true,  false, 1000,   true,  First consignment of this organisation",
            "false, true,  true,  900000, true,  First consignment of this organisation",
            "false, false, true,  1000,   true,  Dutiable goods declared",
            "false, false, false, 250001, true,  'Declared value above USD 250,000'",
            "false, false, false, 250000, false, 'Known organisation, relief goods, value below the threshold: release on arrival'"})
    void recommendsAnExaminationOnlyByException(boolean inspection, boolean first, boolean dutiable, double value,
                                                 boolean examine, String reason) {
        DmnDecisionResultEntries result = TABLE.evaluate(Map.of("inspectionOnArrival", inspection,
                "firstConsignment", first, "hasDutiableLines", dutiable, "totalValueUsd", value)).getSingleResult();

        assertThat((Boolean) result.getEntry("examinationRecommended")).isEqualTo(examine);
        assertThat((String) result.getEntry("riskReason")).isEqualTo(reason);
    }
}
