package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.reporting.KpiReportTest.at;

import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceTest
class DashboardTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void showsChartsTablesAFilterFormAndTheCsvLink() {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        f.consignment(at("2019-04-02T00:00")).status("RELEASED")
                .arrivedAndReleased(at("2019-04-03T00:00"), at("2019-04-03T01:00")).exemption("FULL", "10.00").insert();
        f.consignment(at("2019-04-03T00:00")).status("CLOSED")
                .arrivedAndReleased(at("2019-04-04T00:00"), at("2019-04-04T03:00")).insert();
        Row stuck = f.consignment(at("2019-04-01T00:00")).org("LRC").status("UNDER_REVIEW").insert();
        f.review(stuck, "MTC", "PENDING", at("2019-04-01T08:00"), at("2019-04-05T08:00"), null, null, null, false, 2,
                true);

        ResponseEntity<String> page = http.withBasicAuth("molsw", "demo")
                .getForEntity("/reports/dashboard?from=2019-04-01&to=2019-04-30", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody())
                .contains("<title>Relief clearance: where consignments are</title>")
                .contains("from 2019-04-01 to 2019-04-30")
                .contains("<form method=\"get\" action=\"/reports/dashboard\">", "name=\"port\"", "name=\"authority\"")
                .contains("href=\"/api/reports/kpis.csv?from=2019-04-01&amp;to=2019-04-30\">Download CSV</a>")
                .contains("<svg", "<title>Consignments by status</title>", ">UNDER_REVIEW</text>")
                .contains("<title>Arrival to release per port</title>", ">WATTAY</text>",
                        "median 2.0 h, p90 3.0 h, n=2")
                .contains("<title>Deadline breaches per authority</title>", ">MTC</text>", "1 (0 late, 1 overdue)")
                .contains("Oldest open cases", "/api/consignments/" + stuck.reference + "/dossier.pdf")
                .doesNotContain("http://", "https://");
    }

    @Test
    void isForOfficialsOnly() {
        assertThat(http.getForEntity("/reports/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("wfp", "demo").getForEntity("/reports/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("port-thanaleng", "demo")
                .getForEntity("/dashboard?from=2019-04-01&to=2019-04-30", String.class).getBody())
                .contains("<option value=\"THANALENG\" selected>");
    }
}
