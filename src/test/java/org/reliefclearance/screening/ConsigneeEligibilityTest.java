package org.reliefclearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reliefclearance.registry.Organisation;
import org.reliefclearance.support.DecisionTables;

/** consignee-eligibility.dmn row by row, and the facts the service gives it from the registry. */
class ConsigneeEligibilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final DecisionTables TABLE =
            new DecisionTables("bpmn/consignee-eligibility.dmn", ConsigneeEligibility.DECISION);

    @ParameterizedTest(name = "{0} {1} mou={2} permit={3} counterpart={4} emergency={5} -> {6} ({7})")
    @CsvSource(delimiter = '|', value = {
            // kind             | status     | mou   | permit | counterpart | emergency | outcome            | rule
            "UN_AGENCY          | REGISTERED | false | false  | true        | false     | ELIGIBLE           | Rule_UnAgency",
            "UN_AGENCY          | REGISTERED | false | false  | false       | false     | NOT_ELIGIBLE       | Rule_UnAgencyWithoutCounterpart",
            "NATIONAL_SOCIETY   | REGISTERED | true  | false  | true        | false     | ELIGIBLE           | Rule_NationalSociety",
            "NATIONAL_SOCIETY   | REGISTERED | false | false  | true        | true      | NOT_ELIGIBLE       | Rule_NationalSocietyWithoutMou",
            "INGO               | REGISTERED | true  | true   | false       | false     | ELIGIBLE           | Rule_Ingo",
            "INGO               | REGISTERED | true  | false  | false       | false     | NOT_ELIGIBLE       | Rule_IngoWithoutPermit",
            "INGO               | REGISTERED | false | true   | false       | false     | NOT_ELIGIBLE       | Rule_IngoWithoutMou",
            "FOREIGN_GOVERNMENT | REGISTERED | false | false  | false       | false     | ELIGIBLE           | Rule_ForeignGovernment",
            "GOVERNMENT         | REGISTERED | false | false  | false       | false     | ELIGIBLE           | Rule_Government",
            "UN_AGENCY          | SUSPENDED  | true  | true   | true        | true      | NOT_ELIGIBLE       | Rule_Suspended",
            "INGO               | APPLIED    | false | false  | true        | true      | RECOGNITION_NEEDED | Rule_AppliedInEmergency",
            "INGO               | APPLIED    | false | false  | true        | false     | NOT_ELIGIBLE       | Rule_AppliedNoEmergency",
            "NATIONAL_SOCIETY   | RECOGNISED | false | false  | true        | true      | ELIGIBLE           | Rule_RecognisedInEmergency",
            "INGO               | RECOGNISED | false | false  | true        | false     | NOT_ELIGIBLE       | Rule_RecognisedNoEmergency",
            "INGO               | REFUSED    | true  | true   | true        | true      | NOT_ELIGIBLE       | Rule_Refused"})
    void eachKindAndStandingHasItsRule(String kind, String status, boolean mou, boolean permit, boolean counterpart,
                                       boolean emergency, EligibilityOutcome outcome, String rule) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("kind", kind);
        facts.put("status", status);
        facts.put("mouValid", mou);
        facts.put("permitValid", permit);
        facts.put("hasCounterpartMinistry", counterpart);
        facts.put("emergencyActive", emergency);

        DmnDecisionResultEntries result = TABLE.evaluate(facts).getFirstResult();

        assertThat(TABLE.matchedRules()).first().isEqualTo(rule);
        assertThat((String) result.getEntry("outcome")).isEqualTo(outcome.name());
        assertThat((String) result.getEntry("reason")).isNotBlank();
    }

    @Test
    void aUnAgencyWithoutMouExpiryIsEligibleThroughItsCounterpartMinistry() {
        Organisation wfp = new Organisation("WFP", "World Food Programme", "UN_AGENCY", "org-wfp", "REGISTERED", null,
                "Ministry of Labour and Social Welfare", null, null, null, null);

        Map<String, Object> facts = ConsigneeEligibility.facts(wfp, TODAY, false);
        TABLE.evaluate(facts);

        assertThat(facts).containsEntry("mouValid", false).containsEntry("hasCounterpartMinistry", true);
        assertThat(TABLE.matchedRules()).first().isEqualTo("Rule_UnAgency");
        assertThat(ConsigneeEligibility.details(wfp)).isEqualTo(" (counterpart: Ministry of Labour and Social Welfare)");
    }

    @Test
    void anIngoWhosePermitExpiredYesterdayIsNotEligible() {
        Organisation ingo = new Organisation("AID", "Aid Org", "INGO", "org-aid", "REGISTERED", TODAY.plusYears(1),
                null, TODAY.minusDays(1), null, null, null);

        Map<String, Object> facts = ConsigneeEligibility.facts(ingo, TODAY, true);
        DmnDecisionResultEntries result = TABLE.evaluate(facts).getFirstResult();

        assertThat(facts).containsEntry("mouValid", true).containsEntry("permitValid", false);
        assertThat((String) result.getEntry("outcome")).isEqualTo("NOT_ELIGIBLE");
        assertThat((String) result.getEntry("reason")).contains("operating permit");
    }

    @Test
    void aPermitValidUntilTodayStillCounts() {
        Organisation ingo = new Organisation("AID", "Aid Org", "INGO", "org-aid", "REGISTERED", TODAY,
                null, TODAY, null, null, null);

        assertThat(ConsigneeEligibility.facts(ingo, TODAY, false))
                .containsEntry("mouValid", true).containsEntry("permitValid", true);
    }
}
