package org.reliefclearance.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.deadlines.DeadlineStep;
import org.reliefclearance.deadlines.Deadlines;
import org.reliefclearance.emergency.NationalEmergency.Elements;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceTest
class NationalEmergencyTest {

    /** Monday 10 August 2026, 10:00 in Vientiane. */
    private static final Instant NOW = Instant.parse("2026-08-10T03:00:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    FormService forms;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    EmergencyState emergencyState;
    @Autowired
    Deadlines deadlines;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        // emergency codes count the rows, so their processes go with them
        new EmergencyFixture(jdbc).removeAll(runtime);
        ClockUtil.reset();
    }

    @Test
    void aDeclaredEmergencyIsActiveUntilItsPeriodIsOver() {
        ProcessInstance declared = declareAsMolsw("Floods in Attapeu", "2026-08-10T08:00+07:00", "2026-08-20T18:00+07:00");

        String code = (String) runtime.getVariable(declared.getId(), Vars.EMERGENCY_CODE.name());
        assertThat(code).matches("EM-2026-\\d{3}");
        assertThat(declared.getBusinessKey()).isEqualTo(code);
        assertThat(declared).isWaitingAt(Elements.EMERGENCY_STARTS);
        start(declared);
        assertThat(declared).isWaitingAt(Elements.END_EMERGENCY_EARLY).hasPassed(Elements.DECLARE_EMERGENCY,
                        Elements.BRING_DEADLINES_FORWARD, Elements.INFORM_CUSTOMS)
                .variables().containsEntry(Vars.DECLARED_BY.name(), "molsw")
                .containsEntry(Vars.EMERGENCY_ENDS_AT.name(), Date.from(Instant.parse("2026-08-20T11:00:00Z")))
                .containsEntry(Vars.EMERGENCY_PERIOD.name(),
                        "Mon 10 Aug 2026 08:00 to Thu 20 Aug 2026 18:00 (Asia/Vientiane)");
        assertThat(task(declared)).hasCandidateGroup("molsw-officers");
        assertThat(emergencyState.active()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.name()).isEqualTo("Floods in Attapeu");
            assertThat(e.provinces()).isEqualTo("Attapeu, Champasak");
            assertThat(e.declaredBy()).isEqualTo("molsw");
        });
        assertThat(emergencyState.coversProvince("LA-AT")).as("a covered province").isTrue();
        assertThat(emergencyState.coversProvince("LA-VT")).as("a province it does not cover").isFalse();
        assertThat(deadlines.deadline(DeadlineStep.AUTHORITY_REVIEW, "MOH_FDD").emergency())
                .as("outside a case only an emergency covering all provinces counts").isFalse();

        Job periodOver = management.createJobQuery().processInstanceId(declared.getId())
                .activityId(Elements.EMERGENCY_PERIOD_OVER).singleResult();
        assertThat(periodOver.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-08-20T11:00:00Z")));
        ClockUtil.setCurrentTime(periodOver.getDuedate());
        management.executeJob(periodOver.getId());

        assertThat(declared).isEnded().hasPassed(Elements.EMERGENCY_PERIOD_OVER, Elements.END_EMERGENCY)
                .hasNotPassed(Elements.EMERGENCY_ENDED_EARLY);
        assertThat(emergencyState.isActive()).isFalse();
        assertThat(emergencyState.find(code)).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(Emergency.ENDED);
            assertThat(e.endedBy()).isEqualTo("system");
            assertThat(e.endedAt().toInstant()).isEqualTo(Instant.parse("2026-08-20T11:00:00Z"));
        });
        assertThat(emergencyState.coversProvince("LA-AT")).isFalse();
    }

    @Test
    void theEmergencyEndedMessageEndsItEarly() {
        ProcessInstance declared = declareAsMolsw("Landslide on Route 13", "2026-08-10T08:00+07:00", "2026-09-10T08:00+07:00");
        start(declared);
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3))));

        runtime.createMessageCorrelation(NationalEmergency.Messages.EMERGENCY_ENDED)
                .processInstanceBusinessKey(declared.getBusinessKey())
                .setVariable(Vars.ENDED_BY.name(), "owner")
                .setVariable(Vars.END_REASON.name(), "Roads reopened")
                .correlate();

        assertThat(declared).isEnded().hasPassed(Elements.EMERGENCY_ENDED_EARLY, Elements.END_EMERGENCY);
        assertThat(emergencyState.isActive()).isFalse();
        assertThat(emergencyState.find(declared.getBusinessKey())).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(Emergency.ENDED);
            assertThat(e.endedBy()).isEqualTo("owner");
            assertThat(e.endedAt().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        });
    }

    @Test
    void anOfficerMayEndItEarlyInTasklist() {
        ProcessInstance declared = declareAsMolsw("Drought", "2026-08-10T08:00+07:00", "2026-10-10T08:00+07:00");
        start(declared);

        identity.setAuthentication("molsw", List.of("molsw-officers"));
        try {
            tasks.complete(task(declared).getId(), Map.of(Vars.EMERGENCY_ACTION.name(), "END", Vars.END_REASON.name(), "Rains arrived"));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(declared).isEnded().hasPassed(Elements.END_EMERGENCY_EARLY, Elements.END_EMERGENCY);
        assertThat(emergencyState.find(declared.getBusinessKey()))
                .hasValueSatisfying(e -> assertThat(e.endedBy()).isEqualTo("molsw"));
    }

    @Test
    void anOverlappingPeriodIsAllowedAnEmptyOneRefused() {
        declareAsMolsw("Floods", "2026-08-10T08:00+07:00", "2026-08-20T08:00+07:00");
        declareAsMolsw("Second floods", "2026-08-15T08:00+07:00", "2026-08-25T08:00+07:00");

        assertThatThrownBy(() -> declareAsMolsw("Backwards", "2026-09-15T08:00+07:00", "2026-09-01T08:00+07:00"))
                .hasMessageContaining("(emergencyEndsAt) must come after the start");
        assertThat(jdbc.sql("select count(*) from emergency").query(Integer.class).single()).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(NationalEmergency.KEY).active().count())
                .isEqualTo(2);
    }

    @Test
    void thePeriodMayBeGivenWithoutOffsetInVientianeTime() {
        ProcessInstance declared = declareAsMolsw("Storm", "2026-08-10T08:00", "2026-08-12T08:00");

        assertThat(emergencyState.find(declared.getBusinessKey())).hasValueSatisfying(e ->
                assertThat(e.endsAt().toInstant()).isEqualTo(Instant.parse("2026-08-12T01:00:00Z")));
    }

    private ProcessInstance declareAsMolsw(String name, String startsAt, String endsAt) {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(NationalEmergency.KEY)
                .latestVersion().singleResult().getId();
        identity.setAuthentication("molsw", List.of("molsw-officers"));
        try {
            return forms.submitStartForm(definitionId, Map.of(
                    Vars.EMERGENCY_NAME.name(), name,
                    Vars.PROVINCES.name(), List.of("LA-AT", "LA-CH"),
                    Vars.EMERGENCY_STARTS_AT.name(), startsAt,
                    Vars.EMERGENCY_ENDS_AT.name(), endsAt));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The emergency's start is reached: its timer fires. */
    private void start(ProcessInstance declared) {
        Job starts = management.createJobQuery().processInstanceId(declared.getId())
                .activityId(Elements.EMERGENCY_STARTS).singleResult();
        management.executeJob(starts.getId());
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
