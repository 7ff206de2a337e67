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
import org.reliefclearance.emergency.NationalEmergency.Elements;
import org.reliefclearance.emergency.NationalEmergency.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** MoLSW extends an emergency in force: in Tasklist or by the EmergencyExtended message; its end timer moves. */
@ServiceTest
class EmergencyExtensionTest {

    /** Monday 10 August 2026, 10:00 in Vientiane. */
    private static final Instant NOW = Instant.parse("2026-08-10T03:00:00Z");
    private static final Instant FIRST_END = Instant.parse("2026-08-20T11:00:00Z");
    private static final Instant NEW_END = Instant.parse("2026-08-31T11:00:00Z");

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
    EmergencyDeclarations declarations;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        new EmergencyFixture(jdbc).removeAll(runtime);
        ClockUtil.reset();
    }

    @Test
    void anOfficerExtendsItInTasklistAndTheEndTimerMoves() {
        ProcessInstance declared = declaredAndInForce();
        assertThat(periodOver(declared).getDuedate()).isEqualTo(Date.from(FIRST_END));

        completeAs("molsw", task(declared), Map.of(Vars.EMERGENCY_ACTION.name(), "EXTEND",
                Vars.NEW_ENDS_AT.name(), "2026-08-31T18:00+07:00", Vars.END_REASON.name(), "Water still rising"));

        assertThat(declared).hasPassed(Elements.EXTEND_EMERGENCY).isWaitingAt(Elements.END_EMERGENCY_EARLY)
                .hasNotPassed(Elements.END_EMERGENCY);
        assertThat(periodOver(declared).getDuedate()).isEqualTo(Date.from(NEW_END));
        assertThat(task(declared).getDueDate()).isEqualTo(Date.from(NEW_END));
        assertThat(runtime.getVariable(declared.getId(), Vars.EMERGENCY_PERIOD.name()))
                .isEqualTo("Mon 10 Aug 2026 08:00 to Mon 31 Aug 2026 18:00 (Asia/Vientiane)");
        assertThat(runtime.getVariable(declared.getId(), Vars.EMERGENCY_ACTION.name()))
                .as("the next round of the task starts blank").isNull();
        assertThat(emergencyState.find(declared.getBusinessKey()))
                .hasValueSatisfying(e -> assertThat(e.endsAt().toInstant()).isEqualTo(NEW_END));
        assertThat(declarations.extensions(declared.getBusinessKey())).singleElement().satisfies(x -> {
            assertThat(x.extendedBy()).isEqualTo("molsw");
            assertThat(x.previousEndsAt().toInstant()).isEqualTo(FIRST_END);
            assertThat(x.newEndsAt().toInstant()).isEqualTo(NEW_END);
            assertThat(x.reason()).isEqualTo("Water still rising");
        });

        // the first end passes and nothing happens; at the new end the period-over timer ends it
        ClockUtil.setCurrentTime(Date.from(FIRST_END.plus(Duration.ofHours(1))));
        assertThat(emergencyState.isActive()).isTrue();
        ClockUtil.setCurrentTime(Date.from(NEW_END));
        management.executeJob(periodOver(declared).getId());
        assertThat(declared).isEnded().hasPassed(Elements.EMERGENCY_PERIOD_OVER, Elements.END_EMERGENCY);
        assertThat(emergencyState.find(declared.getBusinessKey()))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(Emergency.ENDED));
    }

    @Test
    void theEmergencyExtendedMessageExtendsIt() {
        ProcessInstance declared = declaredAndInForce();

        runtime.createMessageCorrelation(NationalEmergency.Messages.EMERGENCY_EXTENDED)
                .processInstanceBusinessKey(declared.getBusinessKey())
                .setVariable(Vars.NEW_ENDS_AT.name(), Date.from(NEW_END))
                .setVariable(Vars.EXTENDED_BY.name(), "molsw")
                .setVariable(Vars.EXTENSION_REASON.name(), "Second flood wave")
                .correlate();

        assertThat(declared).hasPassed(Elements.EMERGENCY_EXTENDED, Elements.EXTEND_EMERGENCY)
                .isWaitingAt(Elements.END_EMERGENCY_EARLY);
        assertThat(periodOver(declared).getDuedate()).isEqualTo(Date.from(NEW_END));
        assertThat(declarations.extensions(declared.getBusinessKey())).extracting(Extension::reason)
                .containsExactly("Second flood wave");
    }

    @Test
    void anEndNotLaterThanTheCurrentOneIsRefusedAndNothingChanges() {
        ProcessInstance declared = declaredAndInForce();
        Task task = task(declared);

        assertThatThrownBy(() -> completeAs("molsw", task, Map.of(Vars.EMERGENCY_ACTION.name(), "EXTEND",
                Vars.NEW_ENDS_AT.name(), "2026-08-15T18:00+07:00", Vars.END_REASON.name(), "Shorter")))
                .hasMessageContaining("must come after the current end");

        assertThat(declared).isWaitingAt(Elements.END_EMERGENCY_EARLY).hasNotPassed(Elements.EXTEND_EMERGENCY);
        assertThat(task(declared).getId()).isEqualTo(task.getId());
        assertThat(periodOver(declared).getDuedate()).isEqualTo(Date.from(FIRST_END));
        assertThat(emergencyState.find(declared.getBusinessKey()))
                .hasValueSatisfying(e -> assertThat(e.endsAt().toInstant()).isEqualTo(FIRST_END));
        assertThat(declarations.extensions(declared.getBusinessKey())).isEmpty();
    }

    @Test
    void endingItStillWorksFromTheSameTask() {
        ProcessInstance declared = declaredAndInForce();

        completeAs("molsw", task(declared), Map.of(Vars.EMERGENCY_ACTION.name(), "END",
                Vars.END_REASON.name(), "Waters receded"));

        assertThat(declared).isEnded().hasPassed(Elements.END_EMERGENCY).hasNotPassed(Elements.EXTEND_EMERGENCY);
        assertThat(emergencyState.find(declared.getBusinessKey())).hasValueSatisfying(e -> {
            assertThat(e.endedBy()).isEqualTo("molsw");
            assertThat(e.endReason()).isEqualTo("Waters receded");
        });
    }

    private ProcessInstance declaredAndInForce() {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(NationalEmergency.KEY)
                .latestVersion().singleResult().getId();
        identity.setAuthentication("molsw", List.of("molsw-officers"));
        ProcessInstance declared;
        try {
            declared = forms.submitStartForm(definitionId, Map.of(
                    Vars.EMERGENCY_NAME.name(), "Floods in Attapeu (extension test)",
                    Vars.PROVINCES.name(), List.of("LA-AT"),
                    Vars.EMERGENCY_STARTS_AT.name(), "2026-08-10T08:00+07:00",
                    Vars.EMERGENCY_ENDS_AT.name(), "2026-08-20T18:00+07:00"));
        } finally {
            identity.clearAuthentication();
        }
        management.executeJob(management.createJobQuery().processInstanceId(declared.getId())
                .activityId(Elements.EMERGENCY_STARTS).singleResult().getId());
        return declared;
    }

    private void completeAs(String user, Task task, Map<String, Object> values) {
        identity.setAuthentication(user, List.of("molsw-officers"));
        try {
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Job periodOver(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId())
                .activityId(Elements.EMERGENCY_PERIOD_OVER).singleResult();
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
