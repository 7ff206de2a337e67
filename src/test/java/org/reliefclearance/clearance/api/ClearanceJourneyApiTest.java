package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.CustomsDeclarationWorker;
import org.reliefclearance.review.LineMinistryReview;
import org.reliefclearance.review.ReviewDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A consignee following its case through the API while officials work their tasks: the
 * clearance and review processes as deployed, the API's view of them, and its messages.
 */
@ServiceTest
class ClearanceJourneyApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    CustomsDeclarationWorker customsWorker;

    @Test
    void consigneeFollowsReviewAnswersTheMinistryAndWithdraws() {
        ApiClient api = new ApiClient(http);
        String reference = api.notifyConsignment("wfp");
        ProcessInstance clearance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(ClearanceProcess.KEY).singleResult();
        runJobs(clearance);

        complete(clearance, ClearanceProcess.Elements.ENDORSE_REQUEST, Map.of(
                ClearanceProcess.Vars.ENDORSEMENT_DECISION.name(), "ENDORSED"));
        runJobs(clearance);

        JsonNode underReview = api.get("wfp", "/api/consignments/" + reference).getBody();
        assertThat(underReview.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(underReview.at("/lines/0/classification/treatment").asText()).isEqualTo("PERMIT_REQUIRED");
        assertThat(underReview.at("/lines/0/classification/authority").asText()).isEqualTo("MOH_FDD");
        assertThat(underReview.at("/lines/0/reviewStatus").asText()).isEqualTo("PENDING");
        assertThat(underReview.at("/lines/1/classification/authority").isMissingNode()).isTrue();
        assertThat(underReview.get("pendingReviews")).hasSize(1);
        assertThat(underReview.at("/pendingReviews/0/authority").asText()).isEqualTo("MOH_FDD");
        assertThat(underReview.at("/pendingReviews/0/dueAt").asText()).isNotBlank();
        assertThat(texts(underReview.at("/documents/missing"))).contains("IMPORT_PERMIT", "PACKING_LIST");

        String information = "/api/consignments/" + reference + "/information";
        Map<String, String> answer = Map.of("authority", "MOH_FDD", "response", "Certificate of analysis lodged");
        assertThat(api.postTo("wfp", information, answer).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(clearance.getId())
                .singleResult();
        complete(review, LineMinistryReview.Elements.REVIEW_PERMIT, Map.of(
                LineMinistryReview.Vars.REVIEW_DECISION.name(), ReviewDecision.REQUEST_INFORMATION.name(),
                LineMinistryReview.Vars.INFORMATION_REQUEST.name(), "Send the certificate of analysis"));
        runJobs(clearance);
        assertThat(api.get("wfp", "/api/consignments/" + reference).getBody().at("/pendingReviews/0/status").asText())
                .isEqualTo("INFORMATION_REQUESTED");

        ResponseEntity<JsonNode> answered = api.postTo("wfp", information, answer);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody().at("/pendingReviews/0/status").asText()).isEqualTo("PENDING");
        assertThat(runtime.createExecutionQuery().processInstanceId(review.getId())
                .activityId(LineMinistryReview.Elements.REVIEW_PERMIT).count()).isEqualTo(1);

        ResponseEntity<JsonNode> withdrawn = api.postTo("wfp", "/api/consignments/" + reference + "/withdrawal",
                Map.of("reason", "Donor cancelled the shipment"));
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        runJobs(clearance);
        JsonNode ended = api.get("wfp", "/api/consignments/" + reference).getBody();
        assertThat(ended.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(ended.get("statusReason").asText()).isEqualTo("Donor cancelled the shipment");
        assertThat(eventTypes(ended)).contains("NOTIFIED", "INFORMATION_PROVIDED", "WITHDRAWAL_REQUESTED", "WITHDRAWN");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(clearance.getId()).count()).isZero();

        ResponseEntity<JsonNode> lateArrival = api.postTo("port-wattay", "/api/consignments/" + reference + "/arrival",
                null);
        assertThat(lateArrival.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lateArrival.getBody().get("detail").asText()).contains("WITHDRAWN");
    }

    @Test
    void portReportsArrivalThenTheConsigneeReportsDistributionAndTheCaseCloses() {
        ApiClient api = new ApiClient(http);
        com.fasterxml.jackson.databind.node.ObjectNode tentsOnly = ApiClient.validNotification();
        ((com.fasterxml.jackson.databind.node.ArrayNode) tentsOnly.get("lines")).remove(0);
        String reference = api.post("wfp", tentsOnly, null).getBody().get("reference").asText();
        String path = "/api/consignments/" + reference;
        ProcessInstance clearance = endorsed(reference);
        complete(clearance, ClearanceProcess.Elements.DECIDE_EXEMPTION, Map.of(
                ClearanceProcess.Vars.EXEMPTION_DECISION.name(), "FULL",
                ClearanceProcess.Vars.EXEMPTION_LEGAL_BASIS.name(), "ORGANISATION_AGREEMENT",
                ClearanceProcess.Vars.EXEMPTION_REASON.name(), "Relief items of a registered organisation"));
        runJobs(clearance);

        Map<String, Object> report = Map.of("report", "Tents pitched in Sanamxay",
                "distributedQuantities", List.of(Map.of("lineNo", 1, "quantity", 150, "province", "LA-AT",
                        "place", "Sanamxay district")));
        assertThat(api.postTo("wfp", path + "/distribution-report", report).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.postTo("port-thanaleng", path + "/arrival", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> arrived = api.postTo("port-wattay", path + "/arrival", null);
        assertThat(arrived.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(arrived.getBody().get("status").asText()).isEqualTo("ARRIVED");
        assertThat(arrived.getBody().get("arrivedAt").asText()).isNotBlank();
        assertThat(arrived.getBody().at("/exemption/decision").asText()).isEqualTo("FULL");
        assertThat(api.postTo("wfp", path + "/arrival", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        runJobs(clearance);

        complete(clearance, ClearanceProcess.Elements.CLEAR_AT_PORT, Map.of(
                ClearanceProcess.Vars.CLEARANCE_DECISION.name(), "RELEASE",
                ClearanceProcess.Vars.RELEASE_BEFORE_DECLARATION.name(), false));
        runJobs(clearance);
        JsonNode released = api.get("wfp", path).getBody();
        assertThat(released.at("/release/releaseNumber").asText()).startsWith("RN-WATTAY-");

        ResponseEntity<JsonNode> lateWithdrawal = api.postTo("wfp", path + "/withdrawal", Map.of("reason", "changed plans"));
        assertThat(lateWithdrawal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lateWithdrawal.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(lateWithdrawal.getBody().get("detail").asText()).contains("released");
        JsonNode afterRefusal = api.get("wfp", path).getBody();
        assertThat(afterRefusal.get("status")).isEqualTo(released.get("status"));
        assertThat(afterRefusal.get("timeline")).isEqualTo(released.get("timeline"));
        runJobs(clearance);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(clearance.getId()).count()).isOne();

        ResponseEntity<JsonNode> reported = api.postTo("wfp", path + "/distribution-report", report);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.OK);
        runJobs(clearance);
        JsonNode closed = api.get("wfp", path).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(eventTypes(closed)).contains("ARRIVAL_REPORTED", "DISTRIBUTION_REPORTED");
        assertThat(api.postTo("wfp", path + "/withdrawal", Map.of("reason", "too late")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void goodsMayArriveWhileTheMinistryStillReviewsButOnlyOnce() {
        ApiClient api = new ApiClient(http);
        String reference = api.notifyConsignment("wfp");
        String path = "/api/consignments/" + reference;
        ProcessInstance clearance = endorsed(reference);

        ResponseEntity<JsonNode> arrived = api.postTo("port-wattay", path + "/arrival", null);

        assertThat(arrived.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(arrived.getBody().get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(arrived.getBody().get("arrivedAt").asText()).isNotBlank();
        assertThat(eventTypes(arrived.getBody())).contains("ARRIVAL_REPORTED", "ARRIVED");
        assertThat(runtime.createExecutionQuery().processInstanceId(clearance.getId())
                .activityId(ClearanceProcess.Elements.REVIEW_BY_AUTHORITY).count()).isOne();

        ResponseEntity<JsonNode> again = api.postTo("wfp", path + "/arrival", null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody().get("detail").asText()).contains("arrived already");
        JsonNode after = api.get("wfp", path).getBody();
        assertThat(after.get("arrivedAt")).isEqualTo(arrived.getBody().get("arrivedAt"));
        assertThat(after.get("timeline")).isEqualTo(arrived.getBody().get("timeline"));

        assertThat(api.postTo("port-wattay", "/api/consignments/RC-2026-999999/arrival", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void railConsignmentNotesFitTheTable() {
        ApiClient api = new ApiClient(http);
        ResponseEntity<JsonNode> created = api.post("laoredcross", ApiClient.validNotification()
                .put("portOfEntry", "BOTEN").put("transportDocumentType", "RAIL_CONSIGNMENT_NOTE"), null);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** The notified case, registered and endorsed by MoLSW. */
    private ProcessInstance endorsed(String reference) {
        ProcessInstance clearance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(ClearanceProcess.KEY).singleResult();
        runJobs(clearance);
        complete(clearance, ClearanceProcess.Elements.ENDORSE_REQUEST, Map.of(
                ClearanceProcess.Vars.ENDORSEMENT_DECISION.name(), "ENDORSED"));
        runJobs(clearance);
        return clearance;
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("task %s", taskKey).isNotNull();
        tasks.complete(task.getId(), variables);
    }

    /** Executes due async continuations of the case and its reviews, as the job executor would. */
    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().rootProcessInstanceId(instance.getId()).executable()
                    .messages().list();
            due.forEach(job -> management.executeJob(job.getId()));
            if (customsWorker.workOnce() == 0 && due.isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("Jobs keep coming");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static List<String> eventTypes(JsonNode consignment) {
        List<String> types = new ArrayList<>();
        consignment.get("timeline").forEach(e -> types.add(e.get("event").asText()));
        return types;
    }
}
