package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The door the Tasklist session opens into the application: an official signed in to the webapps
 * reads the case page, the card, the dossier and documents without a second login, with the
 * API's reading rule, and never changes anything with the session alone.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappSessionDoorTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClearanceCases cases;

    private EngineClient client;
    /** Health and telecoms lines under review, entering through Wattay. */
    private String underReview;
    private String taskId;

    @BeforeAll
    void aCaseUnderReview() {
        client = new EngineClient(http);
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE,
                ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        underReview = instance.getBusinessKey();
        taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(underReview)
                .taskDefinitionKey("Task_ReviewPermit").list().get(0).getId();
    }

    @Test
    void anOfficialReadsTheCaseTheDossierAndTheCardWithoutASecondLogin() {
        ResponseEntity<String> page = client.withWebappSession("molsw", HttpMethod.GET, "/cases/" + underReview, null);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(underReview).contains("Waiting for").contains("Review permit")
                .contains("Documents still missing").contains("Timeline");
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).as("only Tasklist's own origin frames it")
                .isEqualTo("SAMEORIGIN");

        ResponseEntity<String> ofTask = client.withWebappSession("moh", HttpMethod.GET, "/cases/task/" + taskId, null);
        assertThat(ofTask.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ofTask.getBody()).contains(underReview);

        ResponseEntity<String> card = client.withWebappSession("moh", HttpMethod.GET, "/cases/task/" + taskId + "/card", null);
        assertThat(card.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(card.getBody()).contains("\"reference\":\"" + underReview + "\"").contains("World Food Programme")
                .contains("\"due\":\"by ");

        ResponseEntity<String> dossier = client.withWebappSession("port-wattay", HttpMethod.GET,
                "/api/consignments/" + underReview + "/dossier.pdf", null);
        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dossier.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    }

    @Test
    void theSessionReadsOnlyWhatTheApiLetsTheOfficialRead() {
        // Thanaleng's officers and the agriculture ministry have nothing to do with this case
        for (String outsider : List.of("port-thanaleng", "laoredcross")) {
            for (String path : List.of("/cases/" + underReview, "/cases/task/" + taskId, "/cases/task/" + taskId + "/card",
                    "/api/consignments/" + underReview, "/api/consignments/" + underReview + "/dossier.pdf")) {
                assertThat(client.withWebappSession(outsider, HttpMethod.GET, path, null).getStatusCode())
                        .as("%s reads %s", outsider, path).isEqualTo(HttpStatus.NOT_FOUND);
            }
        }
        assertThat(http.getForEntity("/cases/" + underReview, String.class).getStatusCode())
                .as("no session, no credentials").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.reliefclearance.doors.Attackers#users")
    void theSessionAloneNeverActsThroughTheApi(String user) {
        CaseState before = CaseState.of(underReview, jdbc, engine);
        long consignments = jdbc.sql("select count(*) from consignment").query(Long.class).single();
        String api = "/api/consignments/" + underReview;
        Map<String, Object> anything = Map.of("reason", "from a page", "authority", "MOH_FDD", "response", "done");
        for (String path : List.of(api + "/withdrawal", api + "/arrival", api + "/information", api + "/tally",
                api + "/emergency-release", api + "/amendments", api + "/distribution-report", "/api/consignments")) {
            assertThat(client.withWebappSession(user, HttpMethod.POST, path, anything).getStatusCode())
                    .as("%s posts %s with the session only", user, path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(CaseState.of(underReview, jdbc, engine)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from consignment").query(Long.class).single()).isEqualTo(consignments);
    }
}
