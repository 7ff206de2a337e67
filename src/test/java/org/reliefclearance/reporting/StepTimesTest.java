package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.reporting.KpiReportTest.at;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.reporting.KpiReport.StepTime;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.reliefclearance.review.LineMinistryReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time per step from Camunda history: review instances run on a moved engine clock, so each
 * activity's duration is known to the millisecond. A stand-in review model is deployed under
 * the real key for the test and removed afterwards (with its history), so later tests run
 * against the real one.
 */
@ServiceTest
class StepTimesTest {

    static final ReportFilter JULY_2019_THANALENG = new ReportFilter(LocalDate.of(2019, 7, 1),
            LocalDate.of(2019, 7, 31), "THANALENG", null, null, null);

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
    void deployStandInReviewModel() {
        deploymentId = repository.createDeployment().name("reporting-step-times-test")
                .addClasspathResource("reporting/line-ministry-review-timing.bpmn").deploy().getId();
    }

    @AfterEach
    void restoreClockAndModels() {
        ClockUtil.reset();
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void measuresEachReviewStepOfTheFilteredConsignmentsOnly() {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        Row a = f.consignment(at("2019-07-02T00:00")).port("THANALENG").status("UNDER_REVIEW").insert();
        Row b = f.consignment(at("2019-07-03T00:00")).port("THANALENG").status("UNDER_REVIEW").insert();
        Row c = f.consignment(at("2019-07-04T00:00")).port("THANALENG").status("UNDER_REVIEW").insert();
        Row otherPort = f.consignment(at("2019-07-05T00:00")).port("WATTAY").status("UNDER_REVIEW").insert();

        review(a, Duration.ofHours(1), Duration.ofMinutes(10));
        review(b, Duration.ofHours(3), Duration.ofMinutes(20));
        review(c, Duration.ofHours(5), Duration.ofMinutes(30));
        review(otherPort, Duration.ofHours(100), Duration.ofHours(100));
        // same business key, but not one of the clearance processes: not a step of the SOP
        ClockUtil.setCurrentTime(date(at("2019-07-10T00:00")));
        ProcessInstance unrelated = runtime.startProcessInstanceByKey("reporting-unrelated-process", a.reference);
        ClockUtil.setCurrentTime(date(at("2019-07-10T07:00")));
        tasks.complete(tasks.createTaskQuery().processInstanceId(unrelated.getId()).singleResult().getId());
        // a review still waiting has no duration yet
        ClockUtil.setCurrentTime(date(at("2019-07-11T00:00")));
        runtime.startProcessInstanceByKey(LineMinistryReview.KEY, c.reference);

        assertThat(kpis.report(JULY_2019_THANALENG).stepTimes()).containsExactly(
                new StepTime("line-ministry-review", "Task_ReviewGoods", "Review goods", "userTask",
                        new DurationStats(3, Duration.ofHours(3), Duration.ofHours(5))),
                new StepTime("line-ministry-review", "Task_SignPermit", "Sign permit", "userTask",
                        new DurationStats(3, Duration.ofMinutes(20), Duration.ofMinutes(30))));
    }

    /** One review of the consignment, each step taking exactly the given time. */
    private void review(Row consignment, Duration reviewGoods, Duration signPermit) {
        OffsetDateTime start = consignment.createdAt.plusDays(1);
        ClockUtil.setCurrentTime(date(start));
        ProcessInstance review = runtime.startProcessInstanceByKey(LineMinistryReview.KEY, consignment.reference);
        ClockUtil.setCurrentTime(date(start.plus(reviewGoods)));
        completeTask(review, "Task_ReviewGoods");
        ClockUtil.setCurrentTime(date(start.plus(reviewGoods).plus(signPermit)));
        completeTask(review, "Task_SignPermit");
    }

    private void completeTask(ProcessInstance instance, String taskId) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId)
                .singleResult().getId());
    }

    private static Date date(OffsetDateTime t) {
        return Date.from(t.toInstant());
    }
}
