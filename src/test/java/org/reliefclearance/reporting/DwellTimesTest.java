package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.reporting.KpiReportTest.at;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.reporting.KpiReport.CauseTime;
import org.reliefclearance.reporting.KpiReport.PortDwell;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dwell at the border from the real arrival, split by what the goods waited for. A stand-in
 * clearance model tags its steps; the engine clock is moved so every step's time is exact.
 */
@ServiceTest
class DwellTimesTest {

    static final ReportFilter AUGUST_2018_BOTEN = new ReportFilter(LocalDate.of(2018, 8, 1),
            LocalDate.of(2018, 8, 31), "BOTEN", null, null, null);

    @Autowired
    KpiService kpis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    String deploymentId;

    @BeforeEach
    void deployStandInClearanceModel() {
        deploymentId = repository.createDeployment().name("reporting-dwell-test")
                .addClasspathResource("reporting/clearance-dwell.bpmn").deploy().getId();
    }

    @AfterEach
    void restoreClockAndModels() {
        ClockUtil.reset();
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void dwellRunsFromTheRealArrivalAndIsSplitByWhatTheGoodsWaitedFor() {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        OffsetDateTime t0 = at("2018-08-02T00:00");
        // landed one hour into a five-hour review; then 1h untagged, 2h exemption, 1h at the port
        Row released = f.consignment(t0).port("BOTEN").status("RELEASED")
                .arrivedAndReleased(t0.plusHours(1), t0.plusHours(9)).insert();
        ProcessInstance a = start(released, t0);
        step(a, "Task_Review", t0.plusHours(5));
        step(a, "Task_Untagged", t0.plusHours(6));
        step(a, "Task_Exemption", t0.plusHours(8));
        step(a, "Task_Port", t0.plusHours(9));
        // landed before the review began and still waits for the ministry, ten hours on
        OffsetDateTime t1 = at("2018-08-03T00:00");
        Row waiting = f.consignment(t1).port("BOTEN").status("UNDER_REVIEW").insert();
        jdbc.sql("update consignment set arrived_at = ? where reference = ?").params(t1, waiting.reference).update();
        start(waiting, t1.plusHours(2));
        // never arrived: no dwell
        Row notArrived = f.consignment(at("2018-08-04T00:00")).port("BOTEN").status("UNDER_REVIEW").insert();
        start(notArrived, at("2018-08-04T00:00"));
        ClockUtil.setCurrentTime(date(t1.plusHours(10)));

        List<PortDwell> dwell = kpis.report(AUGUST_2018_BOTEN).dwellAtBorder();

        assertThat(dwell).singleElement().satisfies(port -> {
            assertThat(port.port()).isEqualTo("BOTEN");
            assertThat(port.arrived()).isEqualTo(2);
            assertThat(port.stillWaiting()).isEqualTo(1);
            assertThat(port.dwell()).isEqualTo(new DurationStats(2, Duration.ofHours(9), Duration.ofHours(10)));
            // ministry: 4h + 8h; other: 1h untagged + 2h before the second review began; mean over two consignments
            assertThat(port.causes()).containsExactly(
                    cause("MINISTRY_REVIEW", 12, 6), cause("OTHER", 3, 1.5), cause("EXEMPTION", 2, 1),
                    cause("PORT", 1, 0.5));
        });
    }

    private static CauseTime cause(String cause, long totalHours, double meanHours) {
        return new CauseTime(cause, totalHours * 3600, (long) (meanHours * 3600));
    }

    private ProcessInstance start(Row consignment, OffsetDateTime at) {
        ClockUtil.setCurrentTime(date(at));
        return runtime.startProcessInstanceByKey(ClearanceProcess.KEY, consignment.reference);
    }

    private void step(ProcessInstance instance, String taskId, OffsetDateTime doneAt) {
        ClockUtil.setCurrentTime(date(doneAt));
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId)
                .singleResult().getId());
    }

    private static Date date(OffsetDateTime t) {
        return Date.from(t.toInstant());
    }
}
