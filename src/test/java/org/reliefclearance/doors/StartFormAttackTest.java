package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.doors.Attackers.startForm;
import static org.reliefclearance.doors.Attackers.validStartForm;
import static org.reliefclearance.doors.Attackers.variables;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.doors.EngineClient.Door;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Tasklist start form, which MoLSW submits on an organisation's behalf, keeps the rules of
 * {@code POST /api/consignments}: a value the API refuses is refused here too, with the form field
 * named, and neither a consignment nor a case is created.
 */
@ServiceTest
class StartFormAttackTest {

    private static final String SUBMIT = "process-definition/key/" + ClearanceProcess.KEY + "/submit-form";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    private EngineClient client;

    @BeforeEach
    void client() {
        client = new EngineClient(http);
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void valuesTheApiRefusesAreRefusedWithTheFieldNamedAndNothingStored(Door door) {
        refused(door, variables("line1Quantity", -5), "(line1Quantity) must be at least 0");
        refused(door, variables("line1Quantity", 0), "(line1Quantity) must be greater than 0");
        refused(door, variables("line1HsCode", "ABC"), "(line1HsCode) does not have the expected format");
        refused(door, variables("line1Category", "WEAPONS"), "(line1Category) is not one of the options offered");
        refused(door, variables("expectedArrival", "2001-01-01T10:00"),
                "(expectedArrival) must be between 30 days ago and 365 days ahead");
        refused(door, variables("portCode", "NOWHERE"), "(portCode) is not one of the options offered");
        refused(door, variables("destinationProvince", "LA-XX"), "(destinationProvince) is not one of the options offered");
        refused(door, variables("destinationProvince", ""), "(destinationProvince) is required");
        refused(door, variables("line1Description", ""), "(line1Description) is required");
        refused(door, variables("organisation", ""), "(organisation) is required");
        refused(door, variables("organisation", "WFP; drop"), "(organisation) does not have the expected format");
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void aSecondLineIsCheckedOnlyWhenItsSlotIsOpen(Door door) {
        refused(door, variables("addLine2", true, "line2Description", "Radios", "line2HsCode", "851712",
                "line2Category", "TELECOM_EQUIPMENT", "line2Quantity", 5, "line2Unit", "PCS", "line2ValueUsd", -1),
                "(line2ValueUsd) must be at least 0");
        refused(door, variables("line2Description", "Hidden slot"), "(line2Description) is not asked for in this case");
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void onlyMoLSWNotifiesFromTheStartForm(Door door) {
        long before = consignments();
        long cases = clearanceCases();
        for (String user : List.of("customs", "port-wattay", "moh", "coordinator", "owner", "wfp", "laoredcross")) {
            ResponseEntity<String> answer = client.post(door, user, SUBMIT, Map.of("variables", validStartForm()));
            assertThat(answer.getStatusCode().value()).as(user + ": " + answer.getBody()).isIn(400, 403);
        }
        assertThat(consignments()).isEqualTo(before);
        assertThat(clearanceCases()).isEqualTo(cases);
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void aValidNotificationStartsItsCaseForTheOrganisationMoLSWNames(Door door) {
        long before = consignments();
        ResponseEntity<String> answer = client.post(door, "molsw", SUBMIT, Map.of("variables",
                startForm(variables("organisation", "LRC"))));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        String instance = readId(answer.getBody());
        engine.getManagementService().createJobQuery().processInstanceId(instance).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));

        assertThat(consignments()).isEqualTo(before + 1);
        String reference = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getBusinessKey();
        assertThat(jdbc.sql("select organisation_code || ' ' || created_by from consignment where reference = ?")
                .param(reference).query(String.class).single()).isEqualTo("LRC molsw");
    }

    private void refused(Door door, Map<String, Object> overrides, String named) {
        long consignments = consignments();
        long cases = clearanceCases();

        ResponseEntity<String> answer = client.post(door, "molsw", SUBMIT, Map.of("variables", startForm(overrides)));

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains(named);
        assertThat(consignments()).isEqualTo(consignments);
        assertThat(clearanceCases()).isEqualTo(cases);
    }

    private long clearanceCases() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ClearanceProcess.KEY).count();
    }

    private long consignments() {
        return jdbc.sql("select count(*) from consignment").query(Long.class).single();
    }

    private static String readId(String body) {
        return body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }
}
