package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.doors.Attackers.variables;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.doors.EngineClient.Door;
import org.reliefclearance.emergency.EmergencyFixture;
import org.reliefclearance.emergency.NationalEmergency;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Extending or declaring an emergency through the engine REST API (Tasklist): only MoLSW, only what the
 * forms declare, only a later end, only known provinces; each refusal leaves the emergency as it was.
 */
@ServiceTest
class EmergencyDoorAttackTest {

    private static final String DECLARE = "process-definition/key/" + NationalEmergency.KEY + "/submit-form";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    private EngineClient client;
    private OffsetDateTime now;
    private ProcessInstance emergency;

    @BeforeEach
    void declared() {
        client = new EngineClient(http);
        now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.MINUTES);
        IdentityService identity = engine.getIdentityService();
        FormService forms = engine.getFormService();
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(NationalEmergency.KEY).latestVersion().singleResult().getId();
        identity.setAuthentication("molsw", List.of("molsw-officers"));
        try {
            emergency = forms.submitStartForm(definition, Map.of(Vars.EMERGENCY_NAME.name(), "Floods (door test)",
                    Vars.PROVINCES.name(), List.of("LA-AT"), Vars.EMERGENCY_STARTS_AT.name(), now.minusMinutes(5).toString(),
                    Vars.EMERGENCY_ENDS_AT.name(), now.plusDays(7).toString()));
        } finally {
            identity.clearAuthentication();
        }
        ManagementService management = engine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(emergency.getId())
                .activityId(NationalEmergency.Elements.EMERGENCY_STARTS).singleResult().getId());
    }

    @AfterEach
    void tearDown() {
        RuntimeService runtime = engine.getRuntimeService();
        new EmergencyFixture(jdbc).removeAll(runtime);
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void noOtherRoleExtendsOrDeclares(Door door) {
        for (String user : Attackers.USERS.stream().filter(u -> !u.equals("molsw")).toList()) {
            ResponseEntity<String> extended = client.post(door, user, "task/" + task().getId() + "/submit-form",
                    Map.of("variables", extension(now.plusDays(20).toString())));
            assertThat(extended.getStatusCode().is4xxClientError()).as(user + ": " + extended.getBody()).isTrue();
            ResponseEntity<String> declared = client.post(door, user, DECLARE, Map.of("variables", declaration("ALL")));
            assertThat(declared.getStatusCode().is4xxClientError()).as(user + ": " + declared.getBody()).isTrue();
        }
        assertUnchanged();
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void molswMaySendOnlyWhatTheFormDeclaresAndOnlyALaterEnd(Door door) {
        Map<String, Object> impersonating = extension(now.plusDays(20).toString());
        impersonating.putAll(variables("extendedBy", "someone-else"));
        refused(door, "task/" + task().getId() + "/submit-form", impersonating, HttpStatus.FORBIDDEN,
                "does not accept extendedBy");
        refused(door, "task/" + task().getId() + "/submit-form", extension(now.plusDays(3).toString()),
                HttpStatus.BAD_REQUEST, "(newEndsAt) must come after the current end");
        Map<String, Object> noEnd = variables(Vars.EMERGENCY_ACTION.name(), "EXTEND", Vars.END_REASON.name(), "More");
        refused(door, "task/" + task().getId() + "/submit-form", noEnd, HttpStatus.BAD_REQUEST, "(newEndsAt) is required");
        refused(door, DECLARE, declaration("LA-XX"), HttpStatus.BAD_REQUEST, "(provinces)");
        ResponseEntity<String> message = client.post(door, "molsw", "message", Map.of("messageName",
                NationalEmergency.Messages.EMERGENCY_EXTENDED, "businessKey", emergency.getBusinessKey(),
                "processVariables", variables(Vars.NEW_ENDS_AT.name(), now.plusDays(30).toString())));
        assertThat(message.getStatusCode().is4xxClientError()).as(message.getBody()).isTrue();
        assertUnchanged();
    }

    @ParameterizedTest(name = "through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#doors")
    void molswExtendsThroughTheDoorAsThemselves(Door door) {
        OffsetDateTime later = now.plusDays(20);

        ResponseEntity<String> extended = client.post(door, "molsw", "task/" + task().getId() + "/submit-form",
                Map.of("variables", extension(later.toString())));

        assertThat(extended.getStatusCode()).as(extended.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(endsAt().toInstant()).isEqualTo(later.toInstant());
        assertThat(jdbc.sql("select extended_by from emergency_extension where emergency_code = ?")
                .param(emergency.getBusinessKey()).query(String.class).single()).isEqualTo("molsw");
    }

    private void refused(Door door, String path, Map<String, Object> values, HttpStatus status, String named) {
        ResponseEntity<String> answer = client.post(door, "molsw", path, Map.of("variables", values));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody()).contains(named);
    }

    private void assertUnchanged() {
        assertThat(endsAt().toInstant()).isEqualTo(now.plusDays(7).toInstant());
        assertThat(jdbc.sql("select count(*) from emergency_extension").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from emergency").query(Integer.class).single()).isEqualTo(1);
        assertThat(task()).isNotNull();
    }

    private Map<String, Object> extension(String newEnd) {
        return variables(Vars.EMERGENCY_ACTION.name(), "EXTEND", Vars.NEW_ENDS_AT.name(), newEnd,
                Vars.END_REASON.name(), "Water still rising");
    }

    private Map<String, Object> declaration(String province) {
        Map<String, Object> values = variables(Vars.EMERGENCY_NAME.name(), "Attack",
                Vars.EMERGENCY_STARTS_AT.name(), now.toString(), Vars.EMERGENCY_ENDS_AT.name(), now.plusDays(3).toString());
        values.put(Vars.PROVINCES.name(), Map.of("value", "[\"" + province + "\"]", "type", "Json"));
        return values;
    }

    private OffsetDateTime endsAt() {
        return jdbc.sql("select ends_at from emergency where code = ?").param(emergency.getBusinessKey())
                .query(OffsetDateTime.class).single();
    }

    private Task task() {
        return engine.getTaskService().createTaskQuery().processInstanceId(emergency.getId()).singleResult();
    }
}
