package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reliefclearance.doors.Attackers.startForm;
import static org.reliefclearance.doors.Attackers.validStartForm;
import static org.reliefclearance.doors.Attackers.variables;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.doors.EngineClient.Door;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Organisations have left the engine: they notify and act in the portal or through {@code /api},
 * and the engine (Tasklist login, {@code /engine-rest}, the webapps' engine API, a command from any
 * other way in) refuses them and changes nothing. From Tasklist, a MoLSW official notifies on an
 * organisation's behalf, naming it on the start form: the case is the organisation's, the timeline
 * says which official notified for whom, and an organisation that may not import relief is refused
 * before anything starts.
 */
@ServiceTest
class OnBehalfNotificationTest {

    private static final String SUBMIT = "process-definition/key/" + ClearanceProcess.KEY + "/submit-form";
    private static final List<String> ORGANISATION_MEMBERS = List.of("wfp", "laoredcross");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClearanceCases cases;

    private EngineClient client;

    @BeforeEach
    void client() {
        client = new EngineClient(http);
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void moLSWNotifiesForWfpFromTheStartForm(Door door) {
        String donor = "On behalf, " + door;
        ResponseEntity<String> answer = client.post(door, "molsw", SUBMIT, Map.of("variables",
                startForm(variables("donor", donor))));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        String instanceId = answer.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        cases.runJobs(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult());

        String reference = jdbc.sql("select reference from consignment where donor = ?").param(donor)
                .query(String.class).single();
        assertThat(jdbc.sql("select organisation_code || ' ' || created_by from consignment where reference = ?")
                .param(reference).query(String.class).single()).isEqualTo("WFP molsw");
        assertThat(jdbc.sql("""
                select e.actor || ': ' || e.detail from consignment_event e join consignment c on c.id = e.consignment_id
                where c.reference = ? and e.event_type = 'NOTIFIED'""").param(reference).query(String.class).single())
                .isEqualTo("molsw: Pre-arrival notification received from official molsw on behalf of"
                        + " World Food Programme (WFP); bound for Vientiane Capital (LA-VT)");
        assertThat(engine.getRuntimeService().getVariable(instanceId, ClearanceProcess.Vars.ORGANISATION_CODE.name()))
                .isEqualTo("WFP");
        assertThat(engine.getRuntimeService().getActiveActivityIds(instanceId))
                .contains(ClearanceProcess.Elements.ENDORSE_REQUEST);

        // the case is WFP's: WFP follows it through /api, another organisation does not see it
        ApiClient api = new ApiClient(http);
        ResponseEntity<JsonNode> seen = api.get("wfp", "/api/consignments/" + reference);
        assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(seen.getBody().path("organisationCode").asText()).isEqualTo("WFP");
        assertThat(api.get("laoredcross", "/api/consignments/" + reference).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void moLSWNamingAnOrganisationThatMayNotNotifyIsRefusedAndNothingStarts(Door door) {
        Counts before = counts();

        ResponseEntity<String> unknown = client.post(door, "molsw", SUBMIT, Map.of("variables",
                startForm(variables("organisation", "NOSUCHORG"))));
        ResponseEntity<String> suspended = client.post(door, "molsw", SUBMIT, Map.of("variables",
                startForm(variables("organisation", "hopeaid"))));

        assertThat(unknown.getStatusCode()).as(unknown.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("(organisation) cannot be notified for: The consignee is not a"
                + " registered organisation");
        assertThat(suspended.getStatusCode()).as(suspended.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(suspended.getBody()).contains("(organisation) cannot be notified for: Hope Aid International is"
                + " suspended");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOrganisationMemberStartingThroughTheEngineRestApiIsRefusedAndNothingStarts() {
        Counts before = counts();
        for (String member : ORGANISATION_MEMBERS) {
            String own = member.equals("wfp") ? "WFP" : "LRC";
            List<ResponseEntity<String>> answers = List.of(
                    client.post(Door.ENGINE_REST, member, SUBMIT, Map.of("variables",
                            startForm(variables("organisation", own)))),
                    client.post(Door.ENGINE_REST, member, "process-definition/key/" + ClearanceProcess.KEY + "/start",
                            Map.of("variables", validStartForm())),
                    client.get(Door.ENGINE_REST, member, "process-definition/key/" + ClearanceProcess.KEY
                            + "/deployed-start-form"),
                    client.get(Door.ENGINE_REST, member, "task"));
            assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).as(member + ": " + a.getBody())
                    .isEqualTo(HttpStatus.FORBIDDEN));
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOrganisationMemberMaySignInToNoWebappAndTheWelcomePagesSessionReachesNoEngine() {
        Counts before = counts();
        for (String member : ORGANISATION_MEMBERS) {
            for (String app : List.of("tasklist", "cockpit", "admin")) {
                assertThat(client.login(member, app).getStatusCode()).as(member + " signs in to " + app)
                        .isEqualTo(HttpStatus.FORBIDDEN);
            }
            // Camunda's welcome page lets anyone sign in; its session is refused at the engine's door
            ResponseEntity<String> started = client.post(Door.WEBAPP, member, SUBMIT, Map.of("variables",
                    validStartForm()));
            assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(client.get(Door.WEBAPP, member, "task").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(client.login("molsw", "tasklist").getStatusCode()).as("an official still signs in")
                .isEqualTo(HttpStatus.OK);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOrganisationMembersCommandIsRefusedInsideTheEngineToo() {
        Counts before = counts();
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ClearanceProcess.KEY).latestVersion().singleResult().getId();
        engine.getIdentityService().setAuthentication("wfp", List.of("org-wfp"));
        try {
            assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition,
                    Variables.createVariables().putValue(ClearanceProcess.Vars.ORGANISATION.name(), "WFP")))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("portal");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void organisationsStillNotifyThroughTheApi() {
        String reference = new ApiClient(http).notifyConsignment("laoredcross");
        assertThat(jdbc.sql("select organisation_code || ' ' || created_by from consignment where reference = ?")
                .param(reference).query(String.class).single()).isEqualTo("LRC laoredcross");
    }

    /** What a refused start could have left behind. */
    private record Counts(long consignments, long events, long cases) {
    }

    private Counts counts() {
        return new Counts(jdbc.sql("select count(*) from consignment").query(Long.class).single(),
                jdbc.sql("select count(*) from consignment_event").query(Long.class).single(),
                engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ClearanceProcess.KEY).count());
    }
}
