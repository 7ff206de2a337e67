package org.reliefclearance.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.doors.EngineClient.Door;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's migration checks nothing of a case's state: the process owners' page (/models) is the one
 * door that moves running cases. Every user of every role, through both doors of the engine REST API,
 * is refused a migration of a running case, and the case stays on its version with no batch started.
 */
@ServiceTest
class MigrationDoorAttackTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ClearanceCases cases;

    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("org.reliefclearance.doors.Attackers#everyUserThroughEveryDoor")
    void nobodyMigratesARunningCaseThroughTheEngine(Door door, String user) {
        ProcessInstance running = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS));
        String definition = running.getProcessDefinitionId();
        Map<String, Object> plan = Map.of("sourceProcessDefinitionId", definition,
                "targetProcessDefinitionId", definition, "instructions", List.of(Map.of(
                        "sourceActivityIds", List.of(ClearanceProcess.Elements.ENDORSE_REQUEST),
                        "targetActivityIds", List.of(ClearanceProcess.Elements.ENDORSE_REQUEST))));
        Map<String, Object> migration = Map.of("migrationPlan", plan, "processInstanceIds", List.of(running.getId()));
        long batches = engine.getManagementService().createBatchQuery().count();
        long migrated = migrations();
        EngineClient client = new EngineClient(http);

        for (String operation : List.of("migration/execute", "migration/executeAsync")) {
            ResponseEntity<String> answer = client.post(door, user, operation, migration);
            assertThat(answer.getStatusCode()).as("%s %s %s: %s", door, user, operation, answer.getBody())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(definition);
        assertThat(engine.getRuntimeService().getActiveActivityIds(running.getId()))
                .containsExactly(ClearanceProcess.Elements.ENDORSE_REQUEST);
        assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(batches);
        assertThat(migrations()).isEqualTo(migrated);
    }

    private long migrations() {
        return engine.getHistoryService().createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).count();
    }
}
