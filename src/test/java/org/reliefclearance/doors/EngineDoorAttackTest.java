package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.doors.Attackers.startForm;
import static org.reliefclearance.doors.Attackers.validStartForm;
import static org.reliefclearance.doors.Attackers.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.doors.EngineClient.Door;
import org.reliefclearance.customs.FakeCustomsSystem;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's own REST API attacked by every role through both of its doors (/engine-rest and the
 * webapps' /camunda/api/engine): starting a case anywhere, moving or stopping one, forging the
 * variables a step decides on, handing a task to someone outside its candidate groups, managing
 * jobs. Each attempt is refused, and the victim cases are exactly as they were: consignment,
 * reviews, timeline, where each instance waits, its variables, its tasks and their candidates.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineDoorAttackTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    private EngineClient client;
    @Autowired
    ClearanceCases cases;
    private ProcessInstance awaitingEndorsement;
    private ProcessInstance underReview;
    private ProcessInstance atExemption;
    private ProcessInstance atPort;
    private ProcessInstance overdueReview;
    private ProcessInstance goodsOverdue;
    private ProcessInstance refusedAfterRelease;
    private ProcessInstance customsRefused;
    private ProcessInstance decisionOverdue;
    private Job historyCleanup;

    @BeforeAll
    void victims() {
        client = new EngineClient(http);
        awaitingEndorsement = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE,
                ClearanceCases.SATELLITE_PHONE));
        underReview = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE,
                ClearanceCases.SATELLITE_PHONE));
        cases.endorse(underReview);
        atExemption = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(atExemption);
        atPort = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(atPort);
        cases.decideExemption(atPort, "FULL", null, null);
        cases.arrive(atPort);
        overdueReview = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.SATELLITE_PHONE));
        cases.endorse(overdueReview);
        ProcessInstance mtcReview = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(overdueReview.getId()).singleResult();
        cases.fireTimer(mtcReview, LineMinistryReview.Elements.REVIEW_OVERDUE);
        cases.runJobs(overdueReview);
        goodsOverdue = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        jdbc.sql("update consignment set expected_arrival = ? where reference = ?")
                .params(java.time.OffsetDateTime.now().minusDays(10), reference(goodsOverdue)).update();
        cases.fireTimer(goodsOverdue, ClearanceProcess.Elements.ARRIVAL_CHECK_DUE);
        // the tents left; MTC refused the phones afterwards: the port records their fate
        refusedAfterRelease = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS,
                ClearanceCases.SATELLITE_PHONE));
        cases.endorse(refusedAfterRelease);
        cases.decideExemption(refusedAfterRelease, "FULL", null, null);
        cases.arrive(refusedAfterRelease);
        cases.clearAtPort(refusedAfterRelease, "RELEASE", null);
        cases.review(refusedAfterRelease, "MTC", "REJECT_ALL", null, "Frequency band not licensed");
        // the customs system refused the release's declaration: the port puts it right
        customsRefused = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(customsRefused);
        cases.decideExemption(customsRefused, "FULL", null, null);
        cases.arrive(customsRefused);
        FakeCustomsSystem.shared().refuse("Donation certificate not signed");
        try {
            cases.clearAtPort(customsRefused, "RELEASE", null);
        } finally {
            FakeCustomsSystem.shared().accept();
        }
        // MoLSW's head let the endorsement pass its deadline: the coordinators follow it up
        decisionOverdue = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.fireTimer(decisionOverdue, ClearanceProcess.Elements.ENDORSEMENT_HEAD_OVERDUE);
        List<Job> cleanup = engine.getHistoryService().findHistoryCleanupJobs();
        historyCleanup = cleanup.isEmpty() ? engine.getHistoryService().cleanUpHistoryAsync(true) : cleanup.get(0);
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void nobodyStartsACaseAtAnyStepOrUnderAnotherCasesReference(Door door, String user) {
        long instances = clearanceInstances();
        unchangedAfter(() -> List.of(
                client.post(door, user, "process-definition/key/" + ClearanceProcess.KEY + "/start", Map.of(
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", ClearanceProcess.Elements.ISSUE_RELEASE_NOTE)),
                        "skipCustomListeners", true,
                        "variables", variables("consignmentReference", reference(underReview), "portCode", "WATTAY",
                                "provisionalDeclaration", false))),
                client.post(door, user, "process-definition/key/" + ClearanceProcess.KEY + "/submit-form",
                        Map.of("businessKey", reference(underReview), "variables", validStartForm())),
                client.post(door, user, "process-definition/key/" + ClearanceProcess.KEY + "/submit-form",
                        Map.of("variables", startForm(variables("consignmentReference", reference(underReview),
                                "initiator", "laoredcross", "permitsRequired", false))))));
        assertThat(clearanceInstances()).isEqualTo(instances);
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void nobodyMovesStopsOrRewritesARunningCase(Door door, String user) {
        String id = underReview.getId();
        unchangedAfter(() -> List.of(
                client.post(door, user, "message", Map.of("messageName", ClearanceProcess.Messages.CONSIGNMENT_WITHDRAWN,
                        "businessKey", reference(underReview), "processVariables",
                        variables("withdrawalReason", "forged"), "resultEnabled", true)),
                client.post(door, user, "message", Map.of("messageName", ClearanceProcess.Messages.CONSIGNMENT_ARRIVED,
                        "businessKey", reference(atExemption))),
                // the emergency release is ordered through /api, by the head of the checkpoint only
                client.post(door, user, "message", Map.of("messageName",
                        ClearanceProcess.Messages.EMERGENCY_RELEASE_ORDERED, "businessKey", reference(atPort),
                        "processVariables", variables("emergencyReleaseLines", "[1]", "emergencyReleaseReason", "x"))),
                client.post(door, user, "signal", Map.of("name", "anything")),
                client.post(door, user, "process-instance/" + id + "/modification", Map.of("skipCustomListeners", true,
                        "instructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", ClearanceProcess.Elements.ISSUE_RELEASE_NOTE)))),
                client.put(door, user, "process-instance/" + id + "/suspended", Map.of("suspended", true)),
                client.put(door, user, "process-instance/" + id + "/variables/permitsRequired",
                        Attackers.variable(false)),
                client.post(door, user, "process-instance/" + id + "/variables", Map.of("modifications",
                        variables("portCustomsGroup", "customs-port-thanaleng"))),
                client.delete(door, user, "process-instance/" + id)));
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void nobodyButAnAdministratorManagesJobsThatBelongToNoProcess(Door door, String user) {
        String job = "job/" + historyCleanup.getId();
        Supplier<String> jobState = () -> {
            Job current = engine.getManagementService().createJobQuery().jobId(historyCleanup.getId()).singleResult();
            return current.isSuspended() + " " + current.getRetries() + " " + current.getDuedate();
        };
        String before = jobState.get();
        List<ResponseEntity<String>> answers = List.of(
                client.put(door, user, job + "/suspended", Map.of("suspended", true)),
                client.put(door, user, job + "/retries", Map.of("retries", 0)),
                client.put(door, user, job + "/duedate", Map.of("duedate", "2030-01-01T00:00:00.000+0000")),
                client.post(door, user, job + "/execute", null),
                client.delete(door, user, job));
        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(jobState.get()).isEqualTo(before);
    }

    /** Jobs are acquired by due date: one without would never run, so not even an administrator removes it. */
    @ParameterizedTest(name = "through {0}")
    @EnumSource(Door.class)
    void notEvenAnAdministratorTakesAJobsDueDateAway(Door door) {
        java.util.Date before = engine.getManagementService().createJobQuery().jobId(historyCleanup.getId())
                .singleResult().getDuedate();
        Map<String, Object> noDate = new java.util.HashMap<>();
        noDate.put("duedate", null);

        ResponseEntity<String> answer = client.put(door, EngineClient.ADMINISTRATOR,
                "job/" + historyCleanup.getId() + "/duedate", noDate);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).contains("duedate");
        assertThat(engine.getManagementService().createJobQuery().jobId(historyCleanup.getId()).singleResult()
                .getDuedate()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void nobodyHandsAMinistrysReviewToTheConsignee(Door door, String user) {
        String task = "task/" + review(underReview, "MOH_FDD").getId();
        unchangedAfter(() -> List.of(
                client.post(door, user, task + "/claim", Map.of("userId", "wfp")),
                client.post(door, user, task + "/assignee", Map.of("userId", "wfp")),
                client.post(door, user, task + "/delegate", Map.of("userId", "wfp")),
                client.post(door, user, task + "/identity-links", Map.of("userId", "wfp", "type", "candidate")),
                client.post(door, user, task + "/identity-links", Map.of("groupId", "org-wfp", "type", "candidate")),
                client.post(door, user, task + "/identity-links/delete", Map.of("groupId", "moh-fdd", "type", "candidate")),
                client.put(door, user, task, Map.of("name", "Review permit", "assignee", "wfp",
                        "due", "2030-01-01T00:00:00.000+0000"))));
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void onlyTheCompetentMinistryDecidesItsReview(Door door, String user) {
        if (user.equals("moh")) {
            return;
        }
        String task = "task/" + review(underReview, "MOH_FDD").getId();
        unchangedAfter(() -> List.of(
                client.post(door, user, task + "/submit-form", Map.of("variables",
                        variables("reviewDecision", "APPROVE"))),
                client.post(door, user, task + "/complete", Map.of("variables",
                        variables("reviewDecision", "APPROVE")))));
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void onlyTheHeadOfTheAuthorityDecidesItsOverdueReview(Door door, String user) {
        if (user.equals("mtc-head")) {
            return;
        }
        Task overdue = review(overdueReview, "MTC");
        assertThat(overdue.getTaskDefinitionKey()).isEqualTo(LineMinistryReview.Elements.DECIDE_OVERDUE_REVIEW);
        String task = "task/" + overdue.getId();
        unchangedAfter(() -> List.of(
                client.post(door, user, task + "/submit-form", Map.of("variables",
                        variables("overdueAction", "DECIDE_APPROVE", "overdueReason", "Approved for them"))),
                client.post(door, user, task + "/complete", Map.of("variables",
                        variables("overdueAction", "DECIDE_REJECT", "overdueReason", "Rejected for them")))));
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void onlyMoLSWFollowsUpMissingGoods(Door door, String user) {
        if (user.equals("molsw")) {
            return;
        }
        String task = "task/" + task(goodsOverdue, ClearanceProcess.Elements.FOLLOW_UP_MISSING_ARRIVAL).getId();
        unchangedAfter(() -> List.of(
                client.post(door, user, task + "/submit-form", Map.of("variables",
                        variables("arrivalFollowUpNotes", "Goods are fine, close it"))),
                client.post(door, user, task + "/complete", Map.of("variables",
                        variables("arrivalFollowUpNotes", "Goods are fine, close it")))));
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void onlyThePortRecordsFatesAndPutsRightACustomsRefusalAndOnlyTheCoordinatorsFollowUpAnOverdueDecision(
            Door door, String user) {
        String fate = "task/" + task(refusedAfterRelease, ClearanceProcess.Elements.RECORD_REFUSED_LINES_FATE).getId();
        String refusal = "task/" + task(customsRefused, ClearanceProcess.Elements.RESOLVE_CUSTOMS_REFUSAL).getId();
        String followUp = "task/" + task(decisionOverdue, ClearanceProcess.Elements.FOLLOW_UP_OVERDUE_DECISION).getId();
        unchangedAfter(() -> {
            List<ResponseEntity<String>> attempts = new ArrayList<>();
            if (!user.equals("port-wattay")) {
                attempts.add(client.post(door, user, fate + "/submit-form", Map.of("variables",
                        variables("rejectedLinesFate", "ABANDONED"))));
                attempts.add(client.post(door, user, refusal + "/complete", Map.of("variables",
                        variables("refusalResolution", "nothing to put right"))));
            }
            if (!user.equals("coordinator")) {
                attempts.add(client.post(door, user, followUp + "/submit-form", Map.of("variables",
                        variables("overdueDecisionAction", "HEAD_CONTACTED", "overdueDecisionNotes", "done"))));
            }
            // even the rightful official cannot write what the service writes
            attempts.add(client.post(door, "port-wattay", refusal + "/submit-form", Map.of("variables",
                    variables("refusalResolution", "fixed", "customsDeclarationNumber", "LA01 2026 C 999999"))));
            attempts.add(client.post(door, "coordinator", followUp + "/submit-form", Map.of("variables",
                    variables("overdueDecisionAction", "HEAD_CONTACTED", "overdueDecisionNotes", "done",
                            "endorsementDecision", "ENDORSED"))));
            return attempts;
        });
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void anOfficialCannotForgeWhatTheCaseDecidesOn(Door door) {
        String endorsement = "task/" + task(awaitingEndorsement, ClearanceProcess.Elements.ENDORSE_REQUEST).getId();
        String mohReview = "task/" + review(underReview, "MOH_FDD").getId();
        String clearAtPort = "task/" + task(atPort, ClearanceProcess.Elements.CLEAR_AT_PORT).getId();
        String exemption = "task/" + task(atExemption, ClearanceProcess.Elements.DECIDE_EXEMPTION).getId();
        unchangedAfter(() -> List.of(
                // MoLSW skips every ministry review
                client.post(door, "molsw", endorsement + "/submit-form", Map.of("variables",
                        variables("endorsementDecision", "ENDORSED", "permitsRequired", false))),
                client.post(door, "molsw", endorsement + "/complete", Map.of("variables",
                        variables("endorsementDecision", "ENDORSED", "requiredAuthorities", "[]"))),
                // a ministry decides another ministry's review, or another consignment's
                client.post(door, "moh", mohReview + "/submit-form", Map.of("variables",
                        variables("reviewDecision", "APPROVE", "authority", "MTC"))),
                client.post(door, "moh", mohReview + "/submit-form", Map.of("variables",
                        variables("reviewDecision", "APPROVE", "consignmentReference", reference(awaitingEndorsement)))),
                client.put(door, "moh", mohReview + "/variables/authority", Attackers.variable("MTC")),
                client.post(door, "moh", mohReview + "/variables", Map.of("modifications",
                        variables("consignmentReference", reference(atPort)))),
                // a port hands the rest of a case to another port, or releases before declaration outside an emergency
                client.post(door, "port-wattay", clearAtPort + "/submit-form", Map.of("variables",
                        variables("clearanceDecision", "RELEASE", "portCustomsGroup", "customs-port-thanaleng"))),
                client.post(door, "port-wattay", clearAtPort + "/submit-form", Map.of("variables",
                        variables("clearanceDecision", "RELEASE", "releaseBeforeDeclaration", true))),
                // a port releases lines it was not given to clear (a line under review), or hides refused ones
                client.post(door, "port-wattay", clearAtPort + "/submit-form", Map.of("variables",
                        variables("clearanceDecision", "RELEASE", "lineNumbersToRelease", "[1, 2]"))),
                client.put(door, "port-wattay", clearAtPort + "/variables/lineNumbersToRelease",
                        Attackers.variable("[1, 2]")),
                client.post(door, "port-wattay", clearAtPort + "/submit-form", Map.of("variables",
                        variables("clearanceDecision", "RELEASE", "refusedLinesAwaitingFate", false))),
                // Customs HQ stores a negative waiver
                client.post(door, "customs", exemption + "/submit-form", Map.of("variables",
                        variables("exemptionDecision", "PARTIAL", "waivedValueUsd", -5000,
                                "exemptionReason", "forged")))));
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void theCompetentMinistryDecidesWithWhatItsFormAsks(Door door) {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE));
        cases.endorse(instance);
        String task = "task/" + review(instance, "MOH_FDD").getId();

        assertThat(client.post(door, "moh", task + "/claim", Map.of("userId", "moh")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> decided = client.post(door, "moh", task + "/submit-form", Map.of("variables",
                variables("consignmentReference", reference(instance), "reviewDecision", "APPROVE",
                        "permitNumber", "FDD-IMP-2026-0417")));

        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("""
                select r.status || ' ' || r.decided_by from authority_review r join consignment c on c.id = r.consignment_id
                where c.reference = ? and r.authority_code = 'MOH_FDD'""").param(reference(instance))
                .query(String.class).single()).isEqualTo("APPROVED moh");
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void anOverdueEndorsementIsDecidedByMoLSWsHeadNeverByTheCoordinatorsWhoFollowItUp(Door door) {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.fireTimer(instance, ClearanceProcess.Elements.ENDORSEMENT_OVERDUE);
        cases.fireTimer(instance, ClearanceProcess.Elements.ENDORSEMENT_HEAD_OVERDUE);
        String endorsement = "task/" + task(instance, ClearanceProcess.Elements.ENDORSE_REQUEST).getId();
        CaseState before = state(instance);

        for (String user : List.of("coordinator", "customs", "moh-head", "laoredcross")) {
            ResponseEntity<String> refused = client.post(door, user, endorsement + "/submit-form", Map.of("variables",
                    variables("endorsementDecision", "ENDORSED")));
            assertThat(refused.getStatusCode().value()).as(user + ": " + refused.getBody())
                    .isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.NOT_FOUND.value());
        }
        assertThat(client.post(door, "coordinator", endorsement + "/claim", Map.of("userId", "coordinator"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(instance)).isEqualTo(before);

        ResponseEntity<String> decided = client.post(door, "molsw-head", endorsement + "/submit-form",
                Map.of("variables", variables("endorsementDecision", "ENDORSED")));
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("select actor from consignment_event e join consignment c on c.id = e.consignment_id"
                + " where c.reference = ? and e.event_type = 'ENDORSEMENT_DECIDED'").param(reference(instance))
                .query(String.class).single()).isEqualTo("molsw-head");
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void theHeadOfTheAuthorityDecidesItsOverdueReview(Door door) {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        cases.fireTimer(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult(), LineMinistryReview.Elements.REVIEW_OVERDUE);
        cases.runJobs(instance);
        String task = "task/" + review(instance, "MTC").getId();

        ResponseEntity<String> decided = client.post(door, "mtc-head", task + "/submit-form", Map.of("variables",
                variables("overdueAction", "DECIDE_APPROVE", "overdueReason", "Licence exemption for relief radios")));

        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("""
                select r.status || ' ' || r.decided_by from authority_review r join consignment c on c.id = r.consignment_id
                where c.reference = ? and r.authority_code = 'MTC'""").param(reference(instance))
                .query(String.class).single()).isEqualTo("APPROVED mtc-head");
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void aProcessOwnerRetriesACasesFailedJobButNeitherDecidesNorMovesIt(Door door) {
        Job reminder = engine.getManagementService().createJobQuery()
                .processInstanceId(review(underReview, "MOH_FDD").getProcessInstanceId()).timers()
                .activityId("Event_ReminderDue").singleResult();
        assertThat(client.put(door, "owner", "job/" + reminder.getId() + "/retries", Map.of("retries", 3))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String task = "task/" + review(underReview, "MOH_FDD").getId();
        unchangedAfter(() -> List.of(
                client.post(door, "owner", task + "/submit-form", Map.of("variables", variables("reviewDecision",
                        "APPROVE"))),
                client.post(door, "owner", "process-instance/" + underReview.getId() + "/modification",
                        Map.of("instructions", List.of(Map.of("type", "cancel",
                                "activityId", ClearanceProcess.Elements.REVIEW_BY_AUTHORITY))))));
    }

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void nobodyDeploysAModelThatRunsCodeOnTheServer(Door door, String user) {
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess("attack-" + user.replace("-", ""))
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_RunCommand")
                .camundaExpression("${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}")
                .endEvent().done());

        ResponseEntity<String> answer = client.deploy(door, user, "attack.bpmn", model);

        // a process owner may deploy, and is told what the guard refused; nobody else may deploy at all
        if (user.equals("owner")) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).contains("Task_RunCommand");
        } else {
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void theDeniedCallsAreNamedInTheAnswer() {
        ResponseEntity<String> answer = client.post(Door.ENGINE_REST, "molsw", "task/"
                + task(awaitingEndorsement, ClearanceProcess.Elements.ENDORSE_REQUEST).getId() + "/submit-form",
                Map.of("variables", variables("endorsementDecision", "ENDORSED", "permitsRequired", false)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).contains("does not accept permitsRequired");
        ResponseEntity<String> invalid = client.post(Door.ENGINE_REST, "molsw", "task/"
                + task(awaitingEndorsement, ClearanceProcess.Elements.ENDORSE_REQUEST).getId() + "/submit-form",
                Map.of("variables", variables("endorsementDecision", "REJECTED")));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody()).contains("(endorsementReason) is required");
    }

    /** Runs the attempts and asserts each was refused (403, or 400 for a value the form refuses) and no case changed. */
    private void unchangedAfter(Supplier<List<ResponseEntity<String>>> attempts) {
        List<ProcessInstance> victims = List.of(awaitingEndorsement, underReview, atExemption, atPort, overdueReview,
                goodsOverdue, refusedAfterRelease, customsRefused, decisionOverdue);
        List<CaseState> before = victims.stream().map(this::state).toList();
        List<ResponseEntity<String>> answers = attempts.get();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value()).as(answer.getBody())
                .isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.BAD_REQUEST.value()));
        assertThat(victims.stream().map(this::state).toList()).isEqualTo(before);
    }

    private CaseState state(ProcessInstance instance) {
        return CaseState.of(reference(instance), jdbc, engine);
    }

    private long clearanceInstances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ClearanceProcess.KEY).count();
    }

    private static String reference(ProcessInstance instance) {
        return instance.getBusinessKey();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private Task review(ProcessInstance instance, String authority) {
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(instance.getId())
                .variableValueEquals(ClearanceProcess.Vars.AUTHORITY.name(), authority).singleResult();
        return engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
    }
}
