package org.reliefclearance.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.emergency.NationalEmergency.Elements;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When an emergency comes into force, the reviews, endorsements and exemption decisions already running
 * for consignments bound for a province it covers move to the emergency deadline if it is earlier.
 */
@ServiceTest
class EmergencyActivationTest {

    /** Monday 10 August 2026, 10:00 in Vientiane. */
    private static final Instant NOW = Instant.parse("2026-08-10T03:00:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsignmentRegistration registration;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Deadlines deadlines;
    @Autowired
    ClearanceCases clearance;

    private ScopedCases cases;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        cases = new ScopedCases(registration, consignments, runtime, tasks, management, jdbc);
    }

    @AfterEach
    void tearDown() {
        cases.removeReviews();
        runtime.createProcessInstanceQuery().processDefinitionKey(ClearanceProcess.KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test over"));
        new EmergencyFixture(jdbc).removeAll(runtime);
        ClockUtil.reset();
    }

    @Test
    void runningReviewsAndDecisionsOfCoveredConsignmentsMoveToTheEarlierEmergencyDeadline() {
        ProcessInstance reviewInAttapeu = cases.reviewedIn("LA-AT");
        ProcessInstance reviewInCapital = cases.reviewedIn("LA-VT");
        ProcessInstance alreadySooner = cases.reviewedIn("LA-AT");
        management.setJobDuedate(cases.job(alreadySooner, LineMinistryReview.Elements.REVIEW_OVERDUE).getId(),
                Date.from(NOW.plus(Duration.ofHours(2))));
        ProcessInstance caseInAttapeu = clearance.submit(ClearanceCases.notificationTo("LA-AT", "WFP", false,
                ClearanceCases.TENTS));
        assertThat(caseInAttapeu).isWaitingAt(ClearanceProcess.Elements.ENDORSE_REQUEST);
        Instant capitalDue = cases.due(reviewInCapital, LineMinistryReview.Elements.REVIEW_OVERDUE);
        Instant normalReview = cases.due(reviewInAttapeu, LineMinistryReview.Elements.REVIEW_OVERDUE);
        Instant normalEndorsement = cases.due(caseInAttapeu, ClearanceProcess.Elements.ENDORSEMENT_OVERDUE);

        // an hour later MoLSW declares floods in Attapeu, starting now
        Instant activation = NOW.plus(Duration.ofHours(1));
        ClockUtil.setCurrentTime(Date.from(activation));
        ProcessInstance emergency = declare("Floods in Attapeu (activation test)", List.of("LA-AT"));
        assertThat(cases.due(reviewInAttapeu, LineMinistryReview.Elements.REVIEW_OVERDUE))
                .as("nothing moves before the emergency is in force").isEqualTo(normalReview);
        management.executeJob(cases.job(emergency, Elements.EMERGENCY_STARTS).getId());
        assertThat(emergency).hasPassed(Elements.BRING_DEADLINES_FORWARD).isWaitingAt(Elements.END_EMERGENCY_EARLY);

        Instant reviewDue = activation.plus(Duration.ofHours(24));
        assertThat(reviewDue).isBefore(normalReview);
        assertThat(cases.due(reviewInAttapeu, LineMinistryReview.Elements.REVIEW_OVERDUE)).isEqualTo(reviewDue);
        assertThat(cases.due(reviewInAttapeu, LineMinistryReview.Elements.REMINDER_DUE))
                .isEqualTo(activation.plus(Duration.ofHours(12)));
        assertThat(cases.task(reviewInAttapeu, LineMinistryReview.Elements.REVIEW_PERMIT).getDueDate().toInstant())
                .isEqualTo(reviewDue);
        assertThat(cases.reviewRowDue(reviewInAttapeu)).isEqualTo(reviewDue);
        assertThat(runtime.getVariable(reviewInAttapeu.getId(), LineMinistryReview.Vars.REVIEW_DUE_AT.name()))
                .isEqualTo(Date.from(reviewDue));
        assertThat(runtime.getVariable(reviewInAttapeu.getId(), LineMinistryReview.Vars.TACIT_APPROVAL_ALLOWED.name()))
                .isEqualTo(true);
        String code = emergency.getBusinessKey();
        assertThat(cases.timeline(reviewInAttapeu.getBusinessKey(), "DEADLINE_BROUGHT_FORWARD")).singleElement()
                .asString().startsWith("Emergency " + code + ": review due ").contains("24 hours");

        assertThat(cases.due(alreadySooner, LineMinistryReview.Elements.REVIEW_OVERDUE))
                .as("a deadline never moves later").isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(cases.timeline(alreadySooner.getBusinessKey(), "DEADLINE_BROUGHT_FORWARD")).isEmpty();

        assertThat(cases.due(reviewInCapital, LineMinistryReview.Elements.REVIEW_OVERDUE))
                .as("not bound for a covered province").isEqualTo(capitalDue);
        assertThat(cases.timeline(reviewInCapital.getBusinessKey(), "DEADLINE_BROUGHT_FORWARD")).isEmpty();

        Instant endorsementDue = deadlines.deadline(DeadlineStep.ENDORSEMENT, null, activation, true).dueAt();
        assertThat(endorsementDue).isBefore(normalEndorsement);
        assertThat(cases.due(caseInAttapeu, ClearanceProcess.Elements.ENDORSEMENT_OVERDUE)).isEqualTo(endorsementDue);
        assertThat(cases.task(caseInAttapeu, ClearanceProcess.Elements.ENDORSE_REQUEST).getDueDate().toInstant())
                .isEqualTo(endorsementDue);
        assertThat(cases.due(caseInAttapeu, ClearanceProcess.Elements.ENDORSEMENT_HALF_TIME))
                .isEqualTo(deadlines.deadline(DeadlineStep.ENDORSEMENT, null, activation, true).reminderAt());
        assertThat(cases.timeline(caseInAttapeu.getBusinessKey(), "DEADLINE_BROUGHT_FORWARD")).singleElement()
                .asString().contains(code, "Endorse request");
    }

    private ProcessInstance declare(String name, List<String> provinces) {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(NationalEmergency.KEY)
                .latestVersion().singleResult().getId();
        identity.setAuthentication("molsw", List.of("molsw-officers"));
        try {
            return forms.submitStartForm(definitionId, Map.of(
                    Vars.EMERGENCY_NAME.name(), name,
                    Vars.PROVINCES.name(), provinces,
                    Vars.EMERGENCY_STARTS_AT.name(), "2026-08-10T11:00+07:00",
                    Vars.EMERGENCY_ENDS_AT.name(), "2026-08-30T18:00+07:00"));
        } finally {
            identity.clearAuthentication();
        }
    }
}
