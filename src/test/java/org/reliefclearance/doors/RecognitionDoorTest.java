package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.doors.Attackers.variables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.doors.EngineClient.Door;
import org.reliefclearance.emergency.EmergencyFixture;
import org.reliefclearance.recognition.OrganisationRecognition;
import org.reliefclearance.recognition.RecognitionApplication;
import org.reliefclearance.recognition.RecognitionApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MoLSW's recognition decision through both doors of the engine REST API: nobody but MoLSW's
 * officers completes Task_DecideRecognition, not the applicant itself; MoLSW sends only what the form
 * declares; nobody starts a recognition from the engine. Each attempt changes nothing.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecognitionDoorTest {

    private static final String APPLICANT_PASSWORD = "Relief-2026-strong";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecognitionApplications applications;

    private EngineClient client;
    private EmergencyFixture emergencies;
    private RecognitionApplications.Applied victim;

    @BeforeAll
    void applicantWaitingForMoLSW() {
        client = new EngineClient(http);
        emergencies = new EmergencyFixture(jdbc);
        emergencies.removeAll();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        emergencies.active("EM-DOORS", now.minus(1, ChronoUnit.HOURS), now.plus(5, ChronoUnit.DAYS));
        victim = apply("Door Test Aid");
    }

    @AfterAll
    void noEmergency() {
        emergencies.removeAll();
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void onlyMoLSWDecidesARecognition(Door door, String user) {
        if (user.equals("molsw")) {
            return;
        }
        String task = "task/" + task(victim).getId();
        unchangedAfter(() -> List.of(
                client.post(door, user, task + "/submit-form", Map.of("variables",
                        variables("recognitionDecision", "RECOGNISE"))),
                client.post(door, user, task + "/complete", Map.of("variables",
                        variables("recognitionDecision", "RECOGNISE")))));
    }

    @Test
    void theApplicantCannotRecogniseItself() {
        String task = "/engine-rest/task/" + task(victim).getId();
        unchangedAfter(() -> List.of(
                asApplicant(task + "/submit-form", Map.of("variables", variables("recognitionDecision", "RECOGNISE"))),
                asApplicant(task + "/complete", Map.of("variables", variables("recognitionDecision", "RECOGNISE")))));
    }

    @ParameterizedTest
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void moLSWSendsOnlyWhatTheFormDeclares(Door door) {
        String task = "task/" + task(victim).getId();
        unchangedAfter(() -> List.of(
                client.post(door, "molsw", task + "/submit-form", Map.of("variables",
                        variables("recognitionDecision", "MAYBE"))),
                client.post(door, "molsw", task + "/submit-form", Map.of("variables",
                        variables("recognitionDecision", "RECOGNISE", "organisationKind", "GOVERNMENT"))),
                client.post(door, "molsw", task + "/complete", Map.of("variables",
                        variables("recognitionDecision", "RECOGNISE", "organisationCode", "WFP"))),
                client.post(door, "molsw", task + "/submit-form", Map.of("variables",
                        variables("recognitionDecision", "REFUSE")))));
    }

    @ParameterizedTest
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void nobodyStartsARecognitionFromTheEngine(Door door) {
        long before = recognitions();
        for (String user : List.of("molsw", "wfp", "coordinator")) {
            ResponseEntity<String> answer = client.post(door, user,
                    "process-definition/key/" + OrganisationRecognition.KEY + "/start",
                    Map.of("businessKey", "FORGED", "variables", variables("organisationCode", "WFP")));
            assertThat(answer.getStatusCode().value()).as(answer.getBody())
                    .isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.BAD_REQUEST.value());
        }
        assertThat(recognitions()).isEqualTo(before);
    }

    @Test
    void moLSWRecognisesThroughTasklistsDoor() {
        RecognitionApplications.Applied applied = apply("Door Recognised Aid");

        ResponseEntity<String> answer = client.post(Door.WEBAPP, "molsw", "task/" + task(applied).getId()
                + "/submit-form", Map.of("variables", variables("recognitionDecision", "RECOGNISE")));

        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT.value());
        assertThat(status(applied)).isEqualTo("RECOGNISED");
    }

    private void unchangedAfter(java.util.function.Supplier<List<ResponseEntity<String>>> attempts) {
        List<Object> before = state();
        List<ResponseEntity<String>> answers = attempts.get();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value()).as(answer.getBody())
                .isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.BAD_REQUEST.value(), HttpStatus.UNAUTHORIZED.value()));
        assertThat(state()).isEqualTo(before);
    }

    /** The organisation's standing, MoLSW's task and its candidates, the recognition's variables. */
    private List<Object> state() {
        Task task = task(victim);
        return List.of(status(victim), task.getId(), String.valueOf(task.getAssignee()),
                engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId).filter(g -> g != null).sorted().toList(),
                new java.util.TreeMap<>(engine.getRuntimeService().getVariables(task.getProcessInstanceId())));
    }

    private ResponseEntity<String> asApplicant(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(victim.username(), APPLICANT_PASSWORD)
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private RecognitionApplications.Applied apply(String name) {
        String user = "door" + System.nanoTime();
        return applications.apply(new RecognitionApplication(name + " " + System.nanoTime(), "INGO", "Thailand", null,
                "Malee Srisuk", "malee@example.org", null, user + "@example.org", APPLICANT_PASSWORD));
    }

    private Task task(RecognitionApplications.Applied applied) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(applied.organisationCode())
                .taskDefinitionKey(OrganisationRecognition.Elements.DECIDE_RECOGNITION).singleResult();
    }

    private String status(RecognitionApplications.Applied applied) {
        return jdbc.sql("select status from organisation where code = ?").param(applied.organisationCode())
                .query(String.class).single();
    }

    private long recognitions() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(OrganisationRecognition.KEY).count();
    }
}
