package org.reliefclearance.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.emergency.EmergencyFixture;
import org.reliefclearance.recognition.OrganisationRecognition.Elements;
import org.reliefclearance.recognition.OrganisationRecognition.Vars;
import org.reliefclearance.registry.Registry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of organisation-recognition, and what it does to the applicant's waiting cases: the
 * case waits while MoLSW decides, goes on once the organisation is recognised, ends not eligible
 * when it is refused; past the deadline the head of service decides.
 */
@ServiceTest
class RecognitionProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RecognitionApplications applications;
    @Autowired
    ClearanceCases cases;
    @Autowired
    Registry registry;
    @Autowired
    JdbcClient jdbc;

    private EmergencyFixture emergencies;

    @BeforeEach
    void emergencyInForce() {
        BpmnAwareTests.init(engine);
        emergencies = new EmergencyFixture(jdbc);
        emergencies.removeAll();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        emergencies.active("EM-RECOGNITION", now.minus(1, ChronoUnit.HOURS), now.plus(5, ChronoUnit.DAYS));
    }

    @AfterEach
    void noEmergency() {
        emergencies.removeAll();
    }

    @Test
    void aCaseOfAnApplicantWaitsAndGoesOnOnceMoLSWRecognisesIt() {
        RecognitionApplications.Applied applied = apply("Hope for Laos");
        ProcessInstance recognition = recognition(applied);
        assertThat(recognition).isWaitingAt(Elements.DECIDE_RECOGNITION);
        assertThat(candidates(task(recognition))).containsExactly("molsw-officers");
        assertThat(task(recognition).getDueDate()).isNotNull();
        // in Tasklist's "Emergency" filter: applications are taken only during one (task-priority.dmn)
        assertThat(task(recognition).getPriority()).isEqualTo(90);

        ProcessInstance waiting = cases.submit(ClearanceCases.notification(applied.organisationCode(), false,
                ClearanceCases.TENTS));
        assertThat(waiting).isWaitingAt(ClearanceProcess.Elements.AWAIT_RECOGNITION);
        assertThat(cases.consignment(waiting).status()).isEqualTo(ConsignmentStatus.AWAITING_RECOGNITION);
        assertThat(cases.consignment(waiting).statusReason()).contains("applied for recognition");

        decide(recognition, "molsw", "molsw-officers", "RECOGNISE", null);

        assertThat(recognition).isEnded().hasPassed(Elements.RECORD_RECOGNITION_DECISION,
                Elements.NOTIFY_WAITING_CONSIGNMENTS, Elements.ORGANISATION_RECOGNISED);
        assertThat(registry.organisation(applied.organisationCode()).orElseThrow().status()).isEqualTo("RECOGNISED");
        assertThat(decidedBy(applied)).isEqualTo("molsw");
        cases.runJobs(waiting);
        assertThat(waiting).hasPassed(ClearanceProcess.Elements.RECOGNITION_DECIDED,
                        ClearanceProcess.Elements.CLASSIFY_CONSIGNMENT_LINES)
                .isWaitingAt(ClearanceProcess.Elements.ENDORSE_REQUEST);
        assertThat(cases.eventTypes(waiting)).containsExactly("NOTIFIED", "ELIGIBILITY_CHECKED", "AWAITING_RECOGNITION",
                "ELIGIBILITY_CHECKED", "LINES_CLASSIFIED", "AWAITING_ENDORSEMENT");
        assertThat(cases.events(waiting).get(3).detail()).startsWith("Eligible: Hope for Laos")
                .contains("recognised by MoLSW");
    }

    @Test
    void aRefusalEndsTheWaitingCaseAsNotEligible() {
        RecognitionApplications.Applied applied = apply("Refused Relief");
        ProcessInstance recognition = recognition(applied);
        ProcessInstance waiting = cases.submit(ClearanceCases.notification(applied.organisationCode(), false,
                ClearanceCases.TENTS));

        decide(recognition, "molsw", "molsw-officers", "REFUSE", "No record of humanitarian work in Lao PDR");

        assertThat(recognition).isEnded().hasPassed(Elements.RECOGNITION_REFUSED)
                .hasNotPassed(Elements.ORGANISATION_RECOGNISED);
        assertThat(registry.organisation(applied.organisationCode()).orElseThrow().status()).isEqualTo("REFUSED");
        assertThat(jdbc.sql("select decision_reason from recognition_application where organisation_code = ?")
                .param(applied.organisationCode()).query(String.class).single())
                .isEqualTo("No record of humanitarian work in Lao PDR");
        cases.runJobs(waiting);
        assertThat(waiting).isEnded().hasPassed(ClearanceProcess.Elements.CONSIGNEE_NOT_ELIGIBLE)
                .hasNotPassed(ClearanceProcess.Elements.CLASSIFY_CONSIGNMENT_LINES);
        Consignment consignment = cases.consignment(waiting);
        assertThat(consignment.status()).isEqualTo(ConsignmentStatus.NOT_ELIGIBLE);
        assertThat(consignment.statusReason()).contains("refused recognition");
    }

    @Test
    void pastTheDeadlineTheHeadOfServiceDecides() {
        RecognitionApplications.Applied applied = apply("Late Decision Aid");
        ProcessInstance recognition = recognition(applied);

        Job deadline = engine.getManagementService().createJobQuery().processInstanceId(recognition.getId())
                .activityId(Elements.RECOGNITION_OVERDUE).timers().singleResult();
        engine.getManagementService().executeJob(deadline.getId());

        assertThat(recognition).hasPassed(Elements.RECOGNITION_OVERDUE)
                .isWaitingAt(Elements.DECIDE_OVERDUE_RECOGNITION);
        assertThat(candidates(task(recognition))).containsExactly("molsw-heads");
        decide(recognition, "molsw-head", "molsw-heads", "RECOGNISE", null);
        assertThat(recognition).isEnded().hasPassed(Elements.DECIDE_OVERDUE_RECOGNITION,
                Elements.ORGANISATION_RECOGNISED);
        assertThat(registry.organisation(applied.organisationCode()).orElseThrow().status()).isEqualTo("RECOGNISED");
        assertThat(decidedBy(applied)).isEqualTo("molsw-head");
    }

    @Test
    void theDailyRecheckEndsTheWaitOnceTheEmergencyIsOver() {
        RecognitionApplications.Applied applied = apply("After The Flood");
        ProcessInstance waiting = cases.submit(ClearanceCases.notification(applied.organisationCode(), false,
                ClearanceCases.TENTS));

        cases.fireTimer(waiting, ClearanceProcess.Elements.RECOGNITION_RECHECK_DUE);
        assertThat(waiting).isWaitingAt(ClearanceProcess.Elements.AWAIT_RECOGNITION);

        emergencies.removeAll();
        cases.fireTimer(waiting, ClearanceProcess.Elements.RECOGNITION_RECHECK_DUE);

        assertThat(waiting).isEnded().hasPassed(ClearanceProcess.Elements.CONSIGNEE_NOT_ELIGIBLE);
        assertThat(cases.consignment(waiting).statusReason()).contains("only during a national emergency");
    }

    private RecognitionApplications.Applied apply(String name) {
        String unique = name + " " + System.nanoTime();
        String user = "applicant" + System.nanoTime();
        return applications.apply(new RecognitionApplication(unique, "INGO", "Thailand", null, "Malee Srisuk",
                "malee@example.org", null, user + "@example.org", "Relief-2026-strong"));
    }

    private ProcessInstance recognition(RecognitionApplications.Applied applied) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(OrganisationRecognition.KEY)
                .processInstanceBusinessKey(applied.organisationCode()).singleResult();
    }

    private Task task(ProcessInstance recognition) {
        return engine.getTaskService().createTaskQuery().processInstanceId(recognition.getId()).singleResult();
    }

    private List<String> candidates(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    private void decide(ProcessInstance recognition, String user, String group, String decision, String reason) {
        Map<String, Object> variables = Variables.createVariables()
                .putValue(Vars.RECOGNITION_DECISION.name(), decision);
        if (reason != null) {
            variables.put(Vars.RECOGNITION_REASON.name(), reason);
        }
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getTaskService().complete(task(recognition).getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        // the waiting cases are told after the decision is committed
        engine.getManagementService().createJobQuery().processInstanceId(recognition.getId()).executable().list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    private String decidedBy(RecognitionApplications.Applied applied) {
        return jdbc.sql("select decided_by from recognition_application where organisation_code = ?")
                .param(applied.organisationCode()).query(String.class).single();
    }
}
