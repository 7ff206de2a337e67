package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.ConsignmentRegistration;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.consignment.NewConsignment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Messages the API delivers to a case. A small process waiting for exactly that message stands
 * in for the step of the clearance process, so each action is tested whatever step the real
 * model is at; the consignment row is stored without starting the clearance process.
 */
@ServiceTest
class ConsignmentActionApiTest {

    private static final String WAITS_FOR = "api-test-waits-for-";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    ConsignmentRegistration registration;
    @Autowired
    ConsignmentRepository consignments;

    ApiClient api;

    @BeforeEach
    void deployWaitingProcesses() {
        api = new ApiClient(http);
        if (repository.createProcessDefinitionQuery().processDefinitionKeyLike(WAITS_FOR + "%").count() > 0) {
            return;
        }
        var deployment = repository.createDeployment().name("api-test-message-waits");
        for (String message : List.of(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED,
                ClearanceProcess.Messages.CONSIGNMENT_WITHDRAWN, ClearanceProcess.Messages.DISTRIBUTION_REPORTED,
                ClearanceProcess.Messages.INFORMATION_PROVIDED)) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(WAITS_FOR + message)
                    .camundaHistoryTimeToLive(1)
                    .startEvent().intermediateCatchEvent("Event_Waits").message(message).endEvent().done();
            deployment.addModelInstance(WAITS_FOR + message + ".bpmn", model);
        }
        deployment.deploy();
    }

    @Test
    void portOfficersOfThePortReportArrival() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED, reference, Map.of());

        ResponseEntity<JsonNode> answer = api.postTo("port-wattay", "/api/consignments/" + reference + "/arrival", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("reference").asText()).isEqualTo(reference);
        assertEnded(waiting);
        assertThat(variable(waiting, ClearanceProcess.Vars.ARRIVED_BY.name())).isEqualTo("port-wattay");
        assertThat(answer.getBody().get("timeline").toString()).contains("ARRIVAL_REPORTED", "port-wattay");
    }

    @Test
    void theConsigneeMayReportArrivalToo() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED, reference, Map.of());

        assertThat(api.postTo("wfp", "/api/consignments/" + reference + "/arrival", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(variable(waiting, ClearanceProcess.Vars.ARRIVED_BY.name())).isEqualTo("wfp");
    }

    @Test
    void headquartersMayNotReportArrivalAndOtherPortsAndOrganisationsSeeNothing() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED, reference, Map.of());
        String path = "/api/consignments/" + reference + "/arrival";

        assertThat(api.postTo("port-thanaleng", path, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.postTo("customs", path, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.postTo("laoredcross", path, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).count()).isEqualTo(1);
        assertThat(eventTypes(reference)).doesNotContain("ARRIVAL_REPORTED");
    }

    @Test
    void consigneeWithdrawsWithAReason() {
        String reference = storedConsignment("THANALENG");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.CONSIGNMENT_WITHDRAWN, reference, Map.of());

        ResponseEntity<JsonNode> answer = api.postTo("wfp", "/api/consignments/" + reference + "/withdrawal",
                Map.of("reason", "Flight cancelled"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertEnded(waiting);
        assertThat(variable(waiting, ClearanceProcess.Vars.WITHDRAWAL_REASON.name())).isEqualTo("Flight cancelled");
        assertThat(events(reference)).anySatisfy(e -> assertThat(e)
                .containsEntry("EVENT_TYPE", "WITHDRAWAL_REQUESTED").containsEntry("DETAIL", "Flight cancelled")
                .containsEntry("ACTOR", "wfp"));
    }

    @Test
    void withdrawalNeedsAReasonAndOnlyTheConsigneeWithdraws() {
        String reference = storedConsignment("WATTAY");
        waitFor(ClearanceProcess.Messages.CONSIGNMENT_WITHDRAWN, reference, Map.of());
        String path = "/api/consignments/" + reference + "/withdrawal";

        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, Map.of("reason", " ")), "reason");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, Map.of("reason", "r".repeat(2001))), "reason");
        assertThat(api.postTo("molsw", path, Map.of("reason", "no")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.postTo("laoredcross", path, Map.of("reason", "no")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(eventTypes(reference)).doesNotContain("WITHDRAWAL_REQUESTED");
    }

    @Test
    void informationReachesOnlyTheReviewOfThatAuthority() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance mohReview = waitFor(ClearanceProcess.Messages.INFORMATION_PROVIDED, reference,
                Map.of(ClearanceProcess.Vars.AUTHORITY.name(), "MOH_FDD"));
        String path = "/api/consignments/" + reference + "/information";

        ResponseEntity<JsonNode> notWaiting = api.postTo("wfp", path,
                Map.of("authority", "MAF_DOA", "response", "Phytosanitary certificate attached"));
        assertThat(notWaiting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notWaiting.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notWaiting.getBody().get("detail").asText()).contains("MAF_DOA");
        assertThat(eventTypes(reference)).doesNotContain("INFORMATION_PROVIDED");

        ResponseEntity<JsonNode> answered = api.postTo("wfp", path,
                Map.of("authority", "MOH_FDD", "response", "Certificate of analysis lodged"));
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertEnded(mohReview);
        assertThat(variable(mohReview, ClearanceProcess.Vars.INFORMATION_RESPONSE.name()))
                .isEqualTo("Certificate of analysis lodged");
        assertThat(events(reference)).anySatisfy(e -> assertThat(e)
                .containsEntry("EVENT_TYPE", "INFORMATION_PROVIDED").containsEntry("AUTHORITY_CODE", "MOH_FDD"));
    }

    @Test
    void informationForAnUnknownAuthorityOrWithoutTextIsNamed() {
        String reference = storedConsignment("WATTAY");
        String path = "/api/consignments/" + reference + "/information";
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, Map.of("authority", "NASA", "response", "x")),
                "authority");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, Map.of("authority", "MOH_FDD")), "response");
    }

    @Test
    void informationWhenNoReviewWaitsIsAConflict() {
        String reference = api.notifyConsignment("wfp");

        ResponseEntity<JsonNode> answer = api.postTo("wfp", "/api/consignments/" + reference + "/information",
                Map.of("authority", "MOH_FDD", "response", "here it is"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventTypes(reference)).doesNotContain("INFORMATION_PROVIDED");
    }

    @Test
    void goodsMayArriveRightAfterTheNotification() {
        String reference = api.notifyConsignment("wfp");

        ResponseEntity<JsonNode> answer = api.postTo("port-wattay", "/api/consignments/" + reference + "/arrival", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("arrivedAt").asText()).isNotBlank();
        assertThat(eventTypes(reference)).contains("ARRIVAL_REPORTED", "ARRIVED");
    }

    @Test
    void releasedGoodsCannotArriveAgain() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED, reference, Map.of());
        jdbc.sql("update consignment set released_at = created_at, status = 'AWAITING_DISTRIBUTION_REPORT'"
                + " where reference = ?").param(reference).update();

        ResponseEntity<JsonNode> answer = api.postTo("port-wattay", "/api/consignments/" + reference + "/arrival", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("detail").asText()).contains("released");
        assertThat(eventTypes(reference)).doesNotContain("ARRIVAL_REPORTED");
        assertThat(consignments.findByReference(reference).orElseThrow().arrivedAt()).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).count()).isOne();
    }

    @Test
    void anEndedCaseTakesNoMoreActions() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.CONSIGNMENT_ARRIVED, reference, Map.of());
        consignments.updateStatus(reference, ConsignmentStatus.WITHDRAWN, "Flight cancelled");

        ResponseEntity<JsonNode> arrival = api.postTo("port-wattay", "/api/consignments/" + reference + "/arrival", null);
        ResponseEntity<JsonNode> withdrawal = api.postTo("wfp", "/api/consignments/" + reference + "/withdrawal",
                Map.of("reason", "again"));

        assertThat(arrival.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(arrival.getBody().get("detail").asText()).contains("WITHDRAWN");
        assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).count()).isEqualTo(1);
        assertThat(eventTypes(reference)).containsExactly("NOTIFIED");
    }

    @ParameterizedTest
    @EnumSource(value = ConsignmentStatus.class, names = {"RELEASED", "AWAITING_DISTRIBUTION_REPORT"})
    void aReleasedConsignmentCanNoLongerBeWithdrawn(ConsignmentStatus status) {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.CONSIGNMENT_WITHDRAWN, reference, Map.of());
        consignments.updateStatus(reference, status, "Released on arrival");
        jdbc.sql("update consignment set released_at = ?, release_number = ? where reference = ?")
                .params(OffsetDateTime.now(), "RN-TEST-" + reference, reference).update();
        List<Map<String, Object>> before = rows(reference);

        ResponseEntity<JsonNode> answer = api.postTo("wfp", "/api/consignments/" + reference + "/withdrawal",
                Map.of("reason", "Changed our plans"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("detail").asText()).contains("released", status.name());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).count()).isOne();
        assertThat(rows(reference)).isEqualTo(before);
    }

    @Test
    void distributionReportKeepsTheQuantitiesPerLineAndLocation() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.DISTRIBUTION_REPORTED, reference, Map.of());
        String path = "/api/consignments/" + reference + "/distribution-report";

        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(1, 20001, "LA-AT", null))), "distributedQuantities[0].quantity");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(9, 1, "LA-AT", null))), "distributedQuantities[0].lineNo");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(1, -1, "LA-AT", null))), "distributedQuantities[0].quantity");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, Map.of("report", "")), "report");

        ResponseEntity<JsonNode> answer = api.postTo("wfp", path, report(
                at(1, 12000, "LA-AT", "Sanamxay district, Ban Hinlat camp"), at(1, 7500, "LA-CH", null)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertEnded(waiting);
        assertThat(variable(waiting, ClearanceProcess.Vars.DISTRIBUTION_REPORT.name())).isEqualTo("Given to 1,200 households");
        assertThat(distributed(reference)).containsExactly(
                List.of(1, "12000", "LA-AT", "Sanamxay district, Ban Hinlat camp"), Arrays.asList(1, "7500", "LA-CH", null));
        assertThat(eventTypes(reference)).contains("DISTRIBUTION_REPORTED");
    }

    /** Where the goods went is told by province code and, if given, place; each refusal names its field and stores nothing. */
    @Test
    void aDistributionIsRefusedForAnUnknownProvinceTooMuchOrTheSameLocationTwice() {
        String reference = storedConsignment("WATTAY");
        ProcessInstance waiting = waitFor(ClearanceProcess.Messages.DISTRIBUTION_REPORTED, reference, Map.of());
        String path = "/api/consignments/" + reference + "/distribution-report";
        List<Map<String, Object>> before = rows(reference);

        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(1, 100, "LA-AT", null), at(1, 100, "LA-ZZ", null))), "distributedQuantities[1].province");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(1, 100, "Attapeu", null))), "distributedQuantities[0].province");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                Map.of("lineNo", 1, "quantity", 100))), "distributedQuantities[0].province");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(1, 100, "LA-AT", "x".repeat(201)))), "distributedQuantities[0].place");
        // 12,000 + 9,000 of the 20,000 imported: the entry that goes over is named
        ResponseEntity<JsonNode> tooMuch = api.postTo("wfp", path, report(
                at(1, 12000, "LA-AT", "Sanamxay"), at(1, 9000, "LA-SV", null)));
        ConsignmentApiTest.assertBadRequestNaming(tooMuch, "distributedQuantities[1].quantity");
        assertThat(tooMuch.getBody().toString()).contains("21000", "20000");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(1, 100, "LA-AT", "Sanamxay"), at(1, 100, "LA-AT", " sanamxay "))), "distributedQuantities[1].place");
        ConsignmentApiTest.assertBadRequestNaming(api.postTo("wfp", path, report(
                at(1, 100, "LA-AT", null), at(1, 100, "LA-AT", ""))), "distributedQuantities[1].place");

        assertThat(distributed(reference)).isEmpty();
        assertThat(rows(reference)).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).count()).isOne();
    }

    @Test
    void aRejectedDistributionReportLeavesNoRow() {
        String reference = api.notifyConsignment("wfp");
        long before = jdbc.sql("select count(*) from distribution_report").query(Long.class).single();
        long linesBefore = jdbc.sql("select count(*) from distribution_report_line").query(Long.class).single();

        ResponseEntity<JsonNode> answer = api.postTo("wfp", "/api/consignments/" + reference + "/distribution-report",
                report(at(1, 10, "LA-VT", null)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select count(*) from distribution_report").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from distribution_report_line").query(Long.class).single())
                .isEqualTo(linesBefore);
    }

    private static Map<String, Object> report(Map<?, ?>... distributed) {
        return Map.of("report", "Given to 1,200 households", "distributedQuantities", List.of(distributed));
    }

    private static Map<String, Object> at(int lineNo, int quantity, String province, String place) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>(Map.of("lineNo", lineNo, "quantity", quantity,
                "province", province));
        if (place != null) {
            entry.put("place", place);
        }
        return entry;
    }

    /** The report's rows as stored: line, quantity, province and place. */
    private List<List<Object>> distributed(String reference) {
        return jdbc.sql("""
                select l.line_no, l.quantity, l.province_code, l.place from distribution_report_line l
                join distribution_report r on r.id = l.report_id join consignment c on c.id = r.consignment_id
                where c.reference = ? order by l.id""").param(reference)
                .query((rs, n) -> Arrays.<Object>asList(rs.getInt(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString(),
                        rs.getString(3), rs.getString(4))).list();
    }

    private String storedConsignment(String port) {
        NewConsignment notification = new NewConsignment("WFP", port, "LA-VT", OffsetDateTime.now().plusDays(2), "CMR",
                "CMR-1", null, false, List.of(new NewConsignment.Line("Oral rehydration salts", "300490", "MEDICINE",
                        new BigDecimal("20000"), "sachet", new BigDecimal("4200"), null)));
        return registration.store(notification, "wfp").reference();
    }

    private ProcessInstance waitFor(String message, String reference, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(WAITS_FOR + message, reference, variables);
    }

    private void assertEnded(ProcessInstance instance) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private Object variable(ProcessInstance instance, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
                .singleResult().getValue();
    }

    private List<Map<String, Object>> events(String reference) {
        return jdbc.sql("""
                select e.event_type, e.actor, e.authority_code, e.detail from consignment_event e
                join consignment c on c.id = e.consignment_id where c.reference = ? order by e.id""")
                .param(reference).query().listOfRows();
    }

    /** The consignment, its reviews, timeline, documents and distribution reports as stored. */
    private List<Map<String, Object>> rows(String reference) {
        return jdbc.sql("""
                select c.status, c.status_reason, c.released_at, c.updated_at,
                  (select count(*) from authority_review r where r.consignment_id = c.id) reviews,
                  (select count(*) from consignment_event e where e.consignment_id = c.id) events,
                  (select count(*) from consignment_document d where d.consignment_id = c.id) documents,
                  (select count(*) from distribution_report d where d.consignment_id = c.id) distribution_reports
                from consignment c where c.reference = ?""").param(reference).query().listOfRows();
    }

    private List<Object> eventTypes(String reference) {
        return events(reference).stream().map(e -> e.get("EVENT_TYPE")).toList();
    }
}
