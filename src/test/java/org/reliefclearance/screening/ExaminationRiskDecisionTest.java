package org.reliefclearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every row of examination-risk.dmn: examination only by exception. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class ExaminationRiskDecisionTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "first={0}, dutiable={1}, USD {2} -> examine={3} ({4})")
    @CsvSource({
            "true,  false, 1000,   true,  First consignment of this organisation",
            "true,  true,  900000, true,  First consignment of this organisation",
            "false, true,  1000,   true,  Dutiable goods declared",
            "false, false, 250001, true,  'Declared value above USD 250,000'",
            "false, false, 250000, false, 'Known organisation, relief goods, value below the threshold: release on arrival'"})
    void recommendsAnExaminationOnlyByException(boolean first, boolean dutiable, double value, boolean examine,
                                                 String reason) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey("examination-risk")
                .variables(Variables.createVariables().putValue("firstConsignment", first)
                        .putValue("hasDutiableLines", dutiable).putValue("totalValueUsd", value))
                .evaluate().getSingleResult();

        assertThat((Boolean) result.getEntry("examinationRecommended")).isEqualTo(examine);
        assertThat((String) result.getEntry("riskReason")).isEqualTo(reason);
    }
}
