package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.api.CaseSnapshot.fields;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * POST /api/consignments/{reference}/amendments: only the consignee, only before release, never while a
 * ministry reviews. Every refusal names its reason and changes nothing.
 */
@ServiceTest
class AmendmentApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsignmentRepository consignments;

    private ApiClient api;
    @Autowired
    ClearanceCases cases;

    @BeforeEach
    void clients() {
        api = new ApiClient(http);
    }

    @Test
    void theConsigneeAmendsArrivalTransportDocumentAndLines() {
        ProcessInstance instance = awaitingExemption();

        Map<String, Object> body = amendment(List.of(phones(null)));
        body.put("transportDocumentNumber", "157-99999990");
        ResponseEntity<JsonNode> answer = amend("laoredcross", instance, body);

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("transportDocumentNumber").asText()).isEqualTo("157-99999990");
        assertThat(answer.getBody().get("lines")).hasSize(2);
        assertThat(answer.getBody().get("timeline").toString()).contains("NOTIFICATION_AMENDED", "new line Satellite phones");
        cases.runJobs(instance);
        assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                .contains("Task_ReviewAmendedLines");
    }

    @Test
    void nobodyButTheConsigneeAmends() {
        ProcessInstance instance = awaitingExemption();
        String before = CaseSnapshot.of(instance, jdbc, engine);

        for (String user : List.of("molsw", "customs", "port-wattay", "mtc", "coordinator")) {
            assertThat(amend(user, instance, amendment(List.of(phones(null)))).getStatusCode().value()).as(user)
                    .isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.NOT_FOUND.value());
        }
        assertThat(amend("wfp", instance, amendment(List.of(phones(null)))).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void badAmendmentsAreRefusedNamingTheFieldAndChangeNothing() {
        ProcessInstance instance = awaitingExemption();
        String before = CaseSnapshot.of(instance, jdbc, engine);

        assertThat(fields(amend("laoredcross", instance, amendment(List.of(phones(9)))))).containsExactly("lines[0].lineNo");
        Map<String, Object> badHs = phones(null);
        badHs.put("hsCode", "85A");
        assertThat(fields(amend("laoredcross", instance, amendment(List.of(badHs))))).containsExactly("lines[0].hsCode");
        Map<String, Object> noReason = amendment(List.of(phones(null)));
        noReason.remove("reason");
        assertThat(fields(amend("laoredcross", instance, noReason))).containsExactly("reason");
        assertThat(fields(amend("laoredcross", instance, amendment(List.of())))).containsExactly("lines");
        // absent keeps the transport document; blank would erase it
        Map<String, Object> blankNumber = amendment(List.of(phones(null)));
        blankNumber.put("transportDocumentNumber", " ");
        blankNumber.put("transportDocumentType", "");
        assertThat(fields(amend("laoredcross", instance, blankNumber)))
                .containsExactlyInAnyOrder("transportDocumentNumber", "transportDocumentType");

        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void notWhileAMinistryReviews() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        String before = CaseSnapshot.of(instance, jdbc, engine);

        ResponseEntity<JsonNode> refused = amend("laoredcross", instance, amendment(List.of(phones(1))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText()).contains("A ministry is reviewing");
        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void aReleasedLineIsNotAmended() {
        ProcessInstance instance = awaitingExemption();
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        cases.clearAtPort(instance, "RELEASE", null);
        String before = CaseSnapshot.of(instance, jdbc, engine);

        Map<String, Object> tents = new HashMap<>(Map.of("lineNo", 1, "description", "Family tents", "hsCode", "630622",
                "category", "SHELTER", "quantity", 250, "unit", "PCS", "valueUsd", 37500));
        ResponseEntity<JsonNode> refused = amend("laoredcross", instance, amendment(List.of(tents)));

        assertThat(fields(refused)).containsExactly("lines[0].lineNo");
        assertThat(refused.getBody().toString()).contains("was released already");
        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    /** Tents, endorsed: Customs HQ has yet to decide. */
    private ProcessInstance awaitingExemption() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        return instance;
    }

    private static Map<String, Object> amendment(List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "Radios added to the load");
        body.put("lines", lines);
        return body;
    }

    private static Map<String, Object> phones(Integer lineNo) {
        Map<String, Object> line = new HashMap<>(Map.of("description", "Satellite phones", "hsCode", "851714",
                "category", "TELECOM_EQUIPMENT", "quantity", 12, "unit", "PCS", "valueUsd", 10800));
        if (lineNo != null) {
            line.put("lineNo", lineNo);
        }
        return line;
    }

    private ResponseEntity<JsonNode> amend(String user, ProcessInstance instance, Map<String, Object> body) {
        return api.postTo(user, "/api/consignments/" + instance.getBusinessKey() + "/amendments", body);
    }
}
