package org.reliefclearance.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup removes a finished case's history once its time to live (ten years) has passed
 * after its end, and never touches a case still open. Its own context: cleanup is database-wide.
 */
@ServiceTest
class HistoryCleanupTest {

    private static final Duration TIME_TO_LIVE = Duration.ofDays(3650);

    @Autowired
    ProcessEngine engine;
    @Autowired
    ConsignmentRepository consignments;

    @Autowired
    ClearanceCases cases;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void finishedCasesExpireAfterTheirTimeToLiveOpenCasesNever() {
        ProcessInstance finished = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.RIFLES));
        ProcessInstance open = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS));
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).finished().count())
                .as("the prohibited case ended").isOne();

        cleanUpAt(Instant.now().plus(TIME_TO_LIVE).minus(Duration.ofDays(1)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count())
                .as("kept until its time to live has passed").isOne();

        cleanUpAt(Instant.now().plus(TIME_TO_LIVE).plus(Duration.ofDays(2)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(open.getId()).unfinished().count())
                .as("the open case keeps its history").isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(open.getId()).count()).isPositive();
        assertThat(consignments.findByReference(open.getBusinessKey())).isPresent();
    }

    private void cleanUpAt(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());
    }
}
