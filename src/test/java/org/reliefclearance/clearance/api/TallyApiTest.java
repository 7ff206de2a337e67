package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.api.CaseSnapshot.fields;

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
 * POST /api/consignments/{reference}/tally: only the port's officers, only once the goods arrived, only
 * lines of the case not yet released. Every refusal names its reason and changes nothing.
 */
@ServiceTest
class TallyApiTest {

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
    void thePortRecordsWhatArrivedAndAShortLineIsHeld() {
        ProcessInstance instance = arrived();

        ResponseEntity<JsonNode> answer = tally("port-wattay", instance, List.of(line(1, 180, false)), "20 short");

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode line = answer.getBody().get("lines").get(0);
        assertThat(line.get("receivedQuantity").decimalValue()).isEqualByComparingTo("180");
        assertThat(line.get("heldAtPort").asBoolean()).isTrue();
        assertThat(answer.getBody().get("timeline").toString()).contains("TALLY_RECORDED", "short-landed");
    }

    @Test
    void onlyThePortsOfficersTally() {
        ProcessInstance instance = arrived();
        String before = CaseSnapshot.of(instance, jdbc, engine);

        for (String user : List.of("wfp", "customs", "molsw", "moh", "coordinator")) {
            assertThat(tally(user, instance, List.of(line(1, 200, false)), null).getStatusCode().value()).as(user)
                    .isIn(HttpStatus.FORBIDDEN.value(), HttpStatus.NOT_FOUND.value());
        }
        assertThat(tally("laoredcross", instance, List.of(line(1, 200, false)), null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tally("port-thanaleng", instance, List.of(line(1, 200, false)), null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void badTalliesAreRefusedNamingTheFieldAndChangeNothing() {
        ProcessInstance instance = arrived();
        String before = CaseSnapshot.of(instance, jdbc, engine);

        assertThat(fields(tally("port-wattay", instance, List.of(line(7, 1, false)), "x"))).containsExactly("lines[0].lineNo");
        assertThat(fields(tally("port-wattay", instance, List.of(line(1, 150, false)), null))).containsExactly("note");
        assertThat(fields(tally("port-wattay", instance, List.of(line(1, 250, true)), "found more")))
                .containsExactly("lines[0].releaseAsReceived");
        assertThat(fields(tally("port-wattay", instance, List.of(line(1, -1, false)), "x")))
                .containsExactly("lines[0].receivedQuantity");
        assertThat(fields(tally("port-wattay", instance, List.of(line(1, 1, false), line(1, 2, false)), "x")))
                .containsExactly("lines[1].lineNo");

        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void goodsNotArrivedOrLinesReleasedAreNotTallied() {
        ProcessInstance early = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(early);
        String beforeArrival = CaseSnapshot.of(early, jdbc, engine);
        ResponseEntity<JsonNode> notArrived = tally("port-wattay", early, List.of(line(1, 200, false)), null);
        assertThat(notArrived.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notArrived.getBody().get("detail").asText()).contains("has not arrived");
        assertThat(CaseSnapshot.of(early, jdbc, engine)).isEqualTo(beforeArrival);

        ProcessInstance released = arrived();
        cases.clearAtPort(released, "RELEASE", null);
        String before = CaseSnapshot.of(released, jdbc, engine);
        ResponseEntity<JsonNode> afterRelease = tally("port-wattay", released, List.of(line(1, 190, false)), "late");
        assertThat(fields(afterRelease)).containsExactly("lines[0].lineNo");
        assertThat(afterRelease.getBody().toString()).contains("was released already");
        assertThat(CaseSnapshot.of(released, jdbc, engine)).isEqualTo(before);
    }

    /** Tents at Wattay, exempted, ready for the port. */
    private ProcessInstance arrived() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        return instance;
    }

    private static Map<String, Object> line(int lineNo, int received, boolean releaseAsReceived) {
        return Map.of("lineNo", lineNo, "receivedQuantity", received, "releaseAsReceived", releaseAsReceived);
    }

    private ResponseEntity<JsonNode> tally(String user, ProcessInstance instance, List<Map<String, Object>> lines,
                                           String note) {
        Map<String, Object> body = note == null ? Map.of("lines", lines) : Map.of("lines", lines, "note", note);
        return api.postTo(user, "/api/consignments/" + instance.getBusinessKey() + "/tally", body);
    }
}
