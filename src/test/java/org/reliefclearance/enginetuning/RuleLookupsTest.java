package org.reliefclearance.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.screening.GoodsClassification;
import org.reliefclearance.screening.RequirementsLookup;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rules evaluated to answer a read leave no decision history; a decision of a case still does
 * (README, "Performance").
 */
@ServiceTest
class RuleLookupsTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    HistoryService history;
    @Autowired
    RequirementsLookup requirements;

    @Test
    void aLookupLeavesNoDecisionHistoryAndADecisionDoes() {
        long before = evaluations();
        RuleLookups.lookUp(() -> classifyMedicine());
        assertThat(evaluations()).isEqualTo(before);

        classifyMedicine();
        assertThat(evaluations()).isEqualTo(before + 1);
        // the scope ends with the lookup
        classifyMedicine();
        assertThat(evaluations()).isEqualTo(before + 2);
    }

    @Test
    void thePublicRequirementsLookupWritesNoHistory() {
        long before = history.createHistoricDecisionInstanceQuery().count();
        assertThat(requirements.of("300490", "MEDICINE")).isPresent()
                .hasValueSatisfying(r -> assertThat(r.approvals()).isNotEmpty());
        assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(before);
    }

    private Object classifyMedicine() {
        return decisions.evaluateDecisionByKey(GoodsClassification.DECISION)
                .variables(Variables.createVariables().putValue("hsCode", "300490").putValue("category", "MEDICINE"))
                .evaluate().getFirstResult();
    }

    private long evaluations() {
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(GoodsClassification.DECISION).count();
    }
}
