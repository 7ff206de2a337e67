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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * History cleanup removes a finished case's history once its time to live (ten years) has passed
 * since it started, and never touches a case still open, however old. Its own context: cleanup is
 * database-wide.
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
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void aCaseOpenBeyondItsTimeToLiveIsKeptAndRemovedOnlyItsTimeToLiveAfterThat() {
        ProcessInstance open = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS));
        HistoryService history = engine.getHistoryService();
        Instant firstCleanup = Instant.now().plus(TIME_TO_LIVE).plus(Duration.ofDays(2));

        cleanUpAt(firstCleanup);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(open.getId()).count())
                .as("still open: kept").isPositive();
        Instant keptUntil = removalTime(open.getId()).toInstant();
        assertThat(keptUntil).as("its time to live counted again from the cleanup that found it open")
                .isBetween(firstCleanup.plus(TIME_TO_LIVE).minusSeconds(60), firstCleanup.plus(TIME_TO_LIVE).plusSeconds(60));

        engine.getRuntimeService().deleteProcessInstance(open.getId(), "withdrawn by the consignee");
        cleanUpAt(keptUntil.minus(Duration.ofDays(1)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(open.getId()).finished().count())
                .as("ended, not yet due").isOne();

        cleanUpAt(keptUntil.plus(Duration.ofDays(1)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(open.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(open.getId()).count()).isZero();
    }

    @Test
    void aCaseThatEndedWithoutARemovalTimeIsKeptItsTimeToLiveAfterItsEnd() {
        ProcessInstance finished = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.RIFLES));
        // as a case started under the strategy "end" of an earlier release and ended after the change
        for (String table : new String[] {"ACT_HI_PROCINST", "ACT_HI_ACTINST"}) {
            jdbc.sql("update " + table + " set REMOVAL_TIME_ = null where ROOT_PROC_INST_ID_ = :root")
                    .param("root", finished.getId()).update();
        }
        HistoryService history = engine.getHistoryService();
        Date ended = history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).singleResult()
                .getEndTime();

        cleanUpAt(Instant.now().plus(TIME_TO_LIVE).minus(Duration.ofDays(1)));
        assertThat(removalTime(finished.getId())).isEqualTo(Date.from(ended.toInstant().plus(TIME_TO_LIVE)));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(finished.getId()).count())
                .isPositive();

        cleanUpAt(Instant.now().plus(TIME_TO_LIVE).plus(Duration.ofDays(2)));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
    }

    private Date removalTime(String processInstanceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getRemovalTime();
    }

    /**
     * Runs the cleanup at {@code when} until it has nothing left: the history of every case the tests
     * of this context have finished falls due together here, and a run removes one batch per table and
     * is due again at once while there was more.
     */
    private void cleanUpAt(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        for (int run = 0; run < 100 && !cleanup.getDuedate().after(ClockUtil.getCurrentTime()); run++) {
            engine.getManagementService().executeJob(cleanup.getId());
            cleanup = engine.getManagementService().createJobQuery().jobId(cleanup.getId()).singleResult();
        }
        assertThat(cleanup.getDuedate()).as("the cleanup caught up").isAfter(ClockUtil.getCurrentTime());
    }
}
