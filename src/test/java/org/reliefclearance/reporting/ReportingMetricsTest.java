package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.reporting.KpiReportTest.at;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The gauges Prometheus scrapes, and who may scrape them. Metric export is on in this context. */
@ServiceTest
class ReportingMetricsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ReportingMetrics metrics;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry registry;

    @Test
    void countsOpenCasesAndOverdueReviewsOfOpenCasesOnly() {
        ReportingMetrics.Snapshot before = metrics.refresh();
        ReportingFixtures f = new ReportingFixtures(jdbc);
        Row open = f.consignment(at("2018-05-01T00:00")).status("UNDER_REVIEW").insert();
        Row withdrawn = f.consignment(at("2018-05-01T00:00")).status("WITHDRAWN").insert();
        f.review(open, "MOH_FDD", "PENDING", at("2018-05-01T08:00"), at("2018-05-02T08:00"), null, null, null,
                false, 0, false);
        f.review(open, "MTC", "PENDING", at("2018-05-01T08:00"), at("2099-05-02T08:00"), null, null, null,
                false, 0, false);
        f.review(withdrawn, "MOH_FDD", "PENDING", at("2018-05-01T08:00"), at("2018-05-02T08:00"), null, null, null,
                false, 0, false);

        ReportingMetrics.Snapshot after = metrics.refresh();

        assertThat(after.overdueReviews()).isEqualTo(before.overdueReviews() + 1);
        assertThat(after.openByStatus().get("UNDER_REVIEW"))
                .isEqualTo(before.openByStatus().getOrDefault("UNDER_REVIEW", 0L) + 1);
        assertThat(after.openByStatus()).doesNotContainKey("WITHDRAWN");
        assertThat(after.executableJobs()).isNotNegative();
        assertThat(after.openIncidents()).isNotNegative();
    }

    @Test
    void prometheusEndpointShowsTheGaugesToSupervisors() {
        metrics.refresh();
        ResponseEntity<String> scrape = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody())
                .contains("relief_consignments_open{status=\"UNDER_REVIEW\"}", "relief_consignments_open{status=\"AWAITING_ARRIVAL\"}")
                .contains("relief_reviews_overdue ")
                .contains("relief_camunda_jobs_executable ")
                .contains("relief_camunda_incidents_open ")
                .doesNotContain("status=\"WITHDRAWN\"");
        assertThat(registry.find(ReportingMetrics.OPEN_CASES).gauges()).hasSize(ReportingMetrics.OPEN_STATUSES.size());
        assertThat(http.withBasicAuth("owner", "demo").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void organisationsAndMinistriesMayNotReadTheMetrics() {
        for (String user : new String[] {"wfp", "moh", "port-wattay"}) {
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/actuator/prometheus", String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/actuator/metrics", String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
