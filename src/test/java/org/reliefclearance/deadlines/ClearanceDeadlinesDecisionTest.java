package org.reliefclearance.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of clearance-deadlines.dmn, evaluated by the same DMN engine the process engine uses. */
class ClearanceDeadlinesDecisionTest {

    private static final String FILE = "bpmn/clearance-deadlines.dmn";
    private static final List<DmnDecisionTableEvaluationEvent> EVALUATIONS = new ArrayList<>();
    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        DefaultDmnEngineConfiguration config =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        config.customPostDecisionTableEvaluationListeners(List.of(EVALUATIONS::add));
        engine = config.buildEngine();
        try (InputStream dmn = resource()) {
            decision = engine.parseDecision(Deadlines.DECISION, dmn);
        }
    }

    /** step, authority, emergency -> working days, hours, the rule that decides. */
    record Case(String step, String authority, boolean emergency, Integer workingDays, Integer hours, String rule) {
        @Override
        public String toString() {
            return step + " " + authority + (emergency ? " emergency" : "") + " -> " + rule;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("ENDORSEMENT", "-", false, 2, null, "Rule_EndorsementNormal"),
            new Case("ENDORSEMENT", "-", true, null, 24, "Rule_EndorsementEmergency"),
            new Case("HEAD_OF_AUTHORITY", "MTC", false, 2, null, "Rule_HeadOfAuthorityNormal"),
            new Case("PORT_CLEARANCE", "-", false, 1, null, "Rule_PortClearanceNormal"),
            new Case("ARRIVAL_FOLLOW_UP", "-", false, 2, null, "Rule_ArrivalFollowUpNormal"),
            new Case("ARRIVAL_FOLLOW_UP", "-", true, null, 24, "Rule_ArrivalFollowUpEmergency"),
            new Case("PORT_CLEARANCE", "-", true, null, 6, "Rule_PortClearanceEmergency"),
            new Case("HEAD_OF_AUTHORITY", "MOH_FDD", true, null, 12, "Rule_HeadOfAuthorityEmergency"),
            new Case("AUTHORITY_REVIEW", "MOH_FDD", false, 5, null, "Rule_ReviewMohFddNormal"),
            new Case("AUTHORITY_REVIEW", "MOH_FDD", true, null, 24, "Rule_ReviewMohFddEmergency"),
            new Case("AUTHORITY_REVIEW", "MAF_DOA", false, 5, null, "Rule_ReviewMafDoaNormal"),
            new Case("AUTHORITY_REVIEW", "MAF_DOA", true, null, 48, "Rule_ReviewMafDoaEmergency"),
            new Case("AUTHORITY_REVIEW", "MAF_DLF", false, 5, null, "Rule_ReviewMafDlfNormal"),
            new Case("AUTHORITY_REVIEW", "MAF_DLF", true, null, 48, "Rule_ReviewMafDlfEmergency"),
            new Case("AUTHORITY_REVIEW", "MTC", false, 10, null, "Rule_ReviewMtcNormal"),
            new Case("AUTHORITY_REVIEW", "MTC", true, null, 72, "Rule_ReviewMtcEmergency"),
            new Case("AUTHORITY_REVIEW", "MOIC", false, 7, null, "Rule_ReviewMoicNormal"),
            new Case("AUTHORITY_REVIEW", "MOIC", true, null, 48, "Rule_ReviewMoicEmergency"),
            new Case("AUTHORITY_REVIEW", "NEW_BODY", false, 5, null, "Rule_ReviewOtherNormal"),
            new Case("AUTHORITY_REVIEW", "NEW_BODY", true, null, 48, "Rule_ReviewOtherEmergency"),
            new Case("INFORMATION_RESPONSE", "MTC", false, 5, null, "Rule_InformationResponseNormal"),
            new Case("INFORMATION_RESPONSE", "MOH_FDD", true, null, 24, "Rule_InformationResponseEmergency"),
            new Case("EXEMPTION_DECISION", "-", false, 2, null, "Rule_ExemptionDecisionNormal"),
            new Case("EXEMPTION_DECISION", "-", true, null, 24, "Rule_ExemptionDecisionEmergency"),
            new Case("PROVISIONAL_DECLARATION", "-", false, 10, null, "Rule_ProvisionalDeclarationNormal"),
            new Case("PROVISIONAL_DECLARATION", "-", true, null, 240, "Rule_ProvisionalDeclarationEmergency"),
            new Case("FOLLOW_UP", "-", false, 2, null, "Rule_FollowUpNormal"),
            new Case("FOLLOW_UP", "-", true, null, 24, "Rule_FollowUpEmergency"),
            new Case("RECOGNITION", "-", false, 1, null, "Rule_RecognitionNormal"),
            new Case("RECOGNITION", "-", true, null, 24, "Rule_RecognitionEmergency"),
            new Case("DECLARATION_EXTENSION", "-", false, 5, null, "Rule_DeclarationExtensionNormal"),
            new Case("DECLARATION_EXTENSION", "-", true, null, 72, "Rule_DeclarationExtensionEmergency"),
            new Case("DISTRIBUTION_REPORT", "-", false, 30, null, "Rule_DistributionReportNormal"),
            new Case("DISTRIBUTION_REPORT", "-", true, null, 720, "Rule_DistributionReportEmergency"));

    static List<Case> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesTheDeadlineOfEachStep(Case c) {
        EVALUATIONS.clear();
        DmnDecisionResult result = engine.evaluateDecision(decision, Variables.createVariables()
                .putValue("step", c.step()).putValue("authority", c.authority()).putValue("emergency", c.emergency()));

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap().get("workingDays")).isEqualTo(c.workingDays());
        assertThat(result.getSingleResult().getEntryMap().get("hours")).isEqualTo(c.hours());
        assertThat(EVALUATIONS).singleElement()
                .satisfies(e -> assertThat(e.getMatchingRules()).first()
                        .satisfies(r -> assertThat(r.getId()).isEqualTo(c.rule())));
    }

    @Test
    void theCasesCoverEveryRule() throws IOException {
        Set<String> rules;
        try (InputStream dmn = resource()) {
            rules = Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class).stream()
                    .map(Rule::getId).collect(Collectors.toSet());
        }
        assertThat(CASES.stream().map(Case::rule).collect(Collectors.toSet())).isEqualTo(rules);
    }

    @Test
    void anUnknownStepHasNoDeadline() {
        DmnDecisionResult result = engine.evaluateDecision(decision, Variables.createVariables()
                .putValue("step", "ARRIVAL").putValue("authority", "-").putValue("emergency", false));
        assertThat(result).isEmpty();
    }

    private static InputStream resource() {
        return ClearanceDeadlinesDecisionTest.class.getClassLoader().getResourceAsStream(FILE);
    }
}
