package org.reliefclearance.clearance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.clearance.api.CaseSnapshot.fields;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
 * POST /api/consignments/{reference}/emergency-release: only the head of the checkpoint, only during an
 * emergency, only arrived lines that need no permit. Every refusal names its reason and changes nothing.
 */
@ServiceTest
class EmergencyReleaseApiTest {

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
    private String emergency;

    @BeforeEach
    void emergencyDeclared() {
        api = new ApiClient(http);
        emergency = "TEST-API-ER-" + System.nanoTime();
        jdbc.sql("""
                insert into emergency (code, name, starts_at, ends_at, status, declared_by, all_provinces)
                values (?, 'Flood test', ?, ?, 'ACTIVE', 'molsw', true)""")
                .params(emergency, OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusHours(2)).update();
    }

    @AfterEach
    void emergencyEnded() {
        jdbc.sql("update emergency set status = 'ENDED', ended_at = ?, ended_by = 'molsw' where code = ?")
                .params(OffsetDateTime.now(), emergency).update();
    }

    @Test
    void theHeadOfTheCheckpointReleasesArrivedLinesThatNeedNoPermit() {
        ProcessInstance instance = arrivedWithTentsAndPhones();

        ResponseEntity<JsonNode> answer = release("port-wattay-head", instance, List.of(1), "Shelter needed tonight");

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("""
                select l.line_no from consignment_line l join consignment c on c.id = l.consignment_id
                where c.reference = ? and l.release_number is not null""").param(instance.getBusinessKey())
                .query(Integer.class).list()).containsExactly(1);
        // the release note is issued; the case shows the tents released once customs has declared them
        assertThat(answer.getBody().get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(answer.getBody().at("/releases/0").has("declarationNumber")).isFalse();
        cases.runJobs(instance);
        JsonNode declared = api.get("port-wattay-head", "/api/consignments/" + instance.getBusinessKey()).getBody();
        assertThat(declared.get("status").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(declared.at("/releases/0/lines").toString()).isEqualTo("[1]");
        assertThat(declared.at("/releases/0/declarationNumber").asText()).startsWith("LA01 2026 C ");
        assertThat(declared.at("/releases/0/procedureCode").asText()).isEqualTo("IM8");
    }

    @Test
    void nobodyElseReleasesInAnEmergency() {
        ProcessInstance instance = arrivedWithTentsAndPhones();
        String before = CaseSnapshot.of(instance, jdbc, engine);

        assertThat(release("port-wattay", instance, List.of(1), "x").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(release("customs", instance, List.of(1), "x").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(release("molsw", instance, List.of(1), "x").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(release("laoredcross", instance, List.of(1), "x").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(release("port-thanaleng", instance, List.of(1), "x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(release("wfp", instance, List.of(1), "x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void aControlledLineAnUnknownLineOrNoReasonIsRefusedNamingTheField() {
        ProcessInstance instance = arrivedWithTentsAndPhones();
        String before = CaseSnapshot.of(instance, jdbc, engine);

        ResponseEntity<JsonNode> controlled = release("port-wattay-head", instance, List.of(1, 2), "Urgent");
        assertThat(controlled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(controlled.getBody().toString()).contains("lines[1]", "needs the approval of MTC");
        assertThat(fields(release("port-wattay-head", instance, List.of(9), "Urgent"))).containsExactly("lines[0]");
        assertThat(fields(release("port-wattay-head", instance, List.of(), "Urgent"))).containsExactly("lines");
        assertThat(fields(release("port-wattay-head", instance, List.of(1), " "))).containsExactly("reason");

        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void outsideAnEmergencyOrBeforeArrivalNothingIsReleased() {
        ProcessInstance notArrived = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS));
        cases.endorse(notArrived);
        String beforeArrival = CaseSnapshot.of(notArrived, jdbc, engine);
        ResponseEntity<JsonNode> early = release("port-wattay-head", notArrived, List.of(1), "Urgent");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("detail").asText()).contains("has not arrived");
        assertThat(CaseSnapshot.of(notArrived, jdbc, engine)).isEqualTo(beforeArrival);

        ProcessInstance instance = arrivedWithTentsAndPhones();
        emergencyEnded();
        String before = CaseSnapshot.of(instance, jdbc, engine);
        ResponseEntity<JsonNode> normalTimes = release("port-wattay-head", instance, List.of(1), "Urgent");
        assertThat(normalTimes.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(normalTimes.getBody().get("detail").asText()).contains("No emergency in force covers the destination province");
        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    @Test
    void aLineReleasedAlreadyIsNotReleasedTwice() {
        ProcessInstance instance = arrivedWithTentsAndPhones();
        assertThat(release("port-wattay-head", instance, List.of(1), "Urgent").getStatusCode()).isEqualTo(HttpStatus.OK);
        cases.runJobs(instance);
        String before = CaseSnapshot.of(instance, jdbc, engine);

        ResponseEntity<JsonNode> again = release("port-wattay-head", instance, List.of(1), "Urgent");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody().toString()).contains("lines[0]", "was released already");
        assertThat(CaseSnapshot.of(instance, jdbc, engine)).isEqualTo(before);
    }

    /** Tents (no permit) and satellite phones (MTC licence), endorsed and at Wattay; nothing decided yet. */
    private ProcessInstance arrivedWithTentsAndPhones() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS,
                ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        cases.arrive(instance);
        return instance;
    }

    private ResponseEntity<JsonNode> release(String user, ProcessInstance instance, List<Integer> lines, String reason) {
        return api.postTo(user, "/api/consignments/" + instance.getBusinessKey() + "/emergency-release",
                Map.of("lines", lines, "reason", reason));
    }
}
