package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.reporting.KpiReport.AuthorityFigures;
import org.reliefclearance.reporting.KpiReport.OpenCase;
import org.reliefclearance.reporting.KpiReport.PortTimes;
import org.reliefclearance.reporting.KpiReport.StatusCount;
import org.reliefclearance.reporting.KpiReport.WaiverByDecision;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * KPIs over a known set of consignments created in March 2019 (no other test writes that
 * period), checked figure by figure.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiReportTest {

    static final String PERIOD = "from=2019-03-01&to=2019-03-31";
    static final ReportFilter MARCH_2019 = new ReportFilter(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31),
            null, null, null, null);

    @Autowired
    KpiService kpis;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    Row released2h;
    Row closed4h;
    Row awaitingReport10h;
    Row thanaleng6h;
    Row underReview;
    Row awaitingArrival;
    Row withdrawn;

    @BeforeAll
    void consignmentsOfMarch2019() {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        released2h = f.consignment(at("2019-03-02T00:00")).status("RELEASED")
                .arrivedAndReleased(at("2019-03-04T00:00"), at("2019-03-04T02:00")).exemption("FULL", "1000.00").insert();
        closed4h = f.consignment(at("2019-03-03T00:00")).status("CLOSED")
                .arrivedAndReleased(at("2019-03-05T00:00"), at("2019-03-05T04:00")).exemption("PARTIAL", "250.50").insert();
        awaitingReport10h = f.consignment(at("2019-03-04T00:00")).org("LRC").status("AWAITING_DISTRIBUTION_REPORT")
                .arrivedAndReleased(at("2019-03-06T00:00"), at("2019-03-06T10:00")).exemption("FULL", "500.00").insert();
        thanaleng6h = f.consignment(at("2019-03-05T00:00")).org("LRC").port("THANALENG").status("RELEASED")
                .arrivedAndReleased(at("2019-03-07T00:00"), at("2019-03-07T06:00")).exemption("NONE", "0.00").insert();
        underReview = f.consignment(at("2019-03-01T01:00")).status("UNDER_REVIEW").emergency("FLOOD-2019").insert();
        awaitingArrival = f.consignment(at("2019-03-06T00:00")).port("THANALENG").status("AWAITING_ARRIVAL").insert();
        withdrawn = f.consignment(at("2019-03-01T00:30")).org("LRC").status("WITHDRAWN").insert();

        // MOH_FDD: decided in 4h (in time), 30h (6h late, escalated), 24h (tacit at the deadline)
        f.review(released2h, "MOH_FDD", "APPROVED", at("2019-03-02T08:00"), at("2019-03-03T08:00"),
                at("2019-03-02T12:00"), "moh", "Permit granted", false, 0, false);
        f.review(closed4h, "MOH_FDD", "APPROVED", at("2019-03-03T08:00"), at("2019-03-04T08:00"),
                at("2019-03-04T14:00"), "moh", "Permit granted late", false, 1, true);
        f.review(awaitingReport10h, "MOH_FDD", "APPROVED", at("2019-03-04T08:00"), at("2019-03-05T08:00"),
                at("2019-03-05T08:00"), "system", "Tacit approval at the deadline", true, 1, false);
        f.review(closed4h, "MTC", "PARTIALLY_APPROVED", at("2019-03-03T08:00"), at("2019-03-13T08:00"),
                at("2019-03-05T08:00"), "mtc", "One radio model not licensed", false, 0, false);
        // still pending: overdue (counts), not yet due, and on a withdrawn case (does not count)
        f.review(underReview, "MOH_FDD", "PENDING", at("2019-03-01T08:00"), at("2019-03-02T08:00"),
                null, null, null, false, 1, true);
        f.review(underReview, "MTC", "PENDING", at("2019-03-01T08:00"), at("2099-01-01T00:00"),
                null, null, null, false, 0, false);
        f.review(withdrawn, "MOH_FDD", "PENDING", at("2019-03-01T08:00"), at("2019-03-02T08:00"),
                null, null, null, false, 0, false);
    }

    @Test
    void countsConsignmentsByStatus() {
        KpiReport report = kpis.report(MARCH_2019);

        assertThat(report.consignments()).isEqualTo(7);
        assertThat(report.consignmentsByStatus()).containsExactly(
                new StatusCount("AWAITING_ARRIVAL", 1), new StatusCount("AWAITING_DISTRIBUTION_REPORT", 1),
                new StatusCount("CLOSED", 1), new StatusCount("RELEASED", 2), new StatusCount("UNDER_REVIEW", 1),
                new StatusCount("WITHDRAWN", 1));
    }

    @Test
    void measuresArrivalToReleasePerPort() {
        List<PortTimes> times = kpis.report(MARCH_2019).arrivalToRelease();

        assertThat(times).containsExactly(
                new PortTimes("THANALENG", new DurationStats(1, hours(6), hours(6))),
                // 2h, 4h, 10h: median the middle value, p90 the value at rank ceil(0.9 * 3) = 3
                new PortTimes("WATTAY", new DurationStats(3, hours(4), hours(10))));
    }

    @Test
    void measuresEachAuthorityAndItsBreaches() {
        List<AuthorityFigures> authorities = kpis.report(MARCH_2019).authorityReviews();

        assertThat(authorities).containsExactly(
                // 4h, 24h, 30h decided; one late decision, one overdue pending (the withdrawn case's is not)
                new AuthorityFigures("MOH_FDD", 5, 2, new DurationStats(3, hours(24), hours(30)), 1, 1, 3, 2, 1),
                new AuthorityFigures("MTC", 2, 1, new DurationStats(1, hours(48), hours(48)), 0, 0, 0, 0, 0));
        assertThat(authorities.get(0).breaches()).isEqualTo(2);
    }

    @Test
    void sumsDutiesWaivedByExemptionDecision() {
        KpiReport.DutiesWaived waived = kpis.report(MARCH_2019).dutiesWaived();

        assertThat(waived.total()).isEqualByComparingTo("1750.50");
        assertThat(waived.byDecision()).extracting(WaiverByDecision::decision, WaiverByDecision::consignments,
                        w -> w.waivedValue().toPlainString())
                .containsExactly(tuple("FULL", 2L, "1500.00"), tuple("NONE", 1L, "0.00"),
                        tuple("PARTIAL", 1L, "250.50"));
    }

    @Test
    void listsOldestOpenCasesFirstWithTheirAge() {
        OffsetDateTime before = OffsetDateTime.now();
        List<OpenCase> open = kpis.report(MARCH_2019).oldestOpenCases();

        assertThat(open).extracting(OpenCase::reference, OpenCase::status).containsExactly(
                tuple(underReview.reference, "UNDER_REVIEW"), tuple(released2h.reference, "RELEASED"),
                tuple(awaitingReport10h.reference, "AWAITING_DISTRIBUTION_REPORT"),
                tuple(thanaleng6h.reference, "RELEASED"), tuple(awaitingArrival.reference, "AWAITING_ARRIVAL"));
        assertThat(open.get(0).createdAt()).isEqualTo(at("2019-03-01T01:00"));
        assertThat(open.get(0).ageSeconds())
                .isBetween(Duration.between(at("2019-03-01T01:00"), before).toSeconds() - 1,
                        Duration.between(at("2019-03-01T01:00"), before).toSeconds() + 60);
    }

    @Test
    void filtersByPortOrganisationAuthorityAndEmergency() {
        assertThat(kpis.report(MARCH_2019.withPort("WATTAY")).consignments()).isEqualTo(5);
        assertThat(kpis.report(filter(null, "LRC", null, null)).consignments()).isEqualTo(3);
        assertThat(kpis.report(filter(null, null, null, "true")).consignments()).isEqualTo(1);
        assertThat(kpis.report(filter(null, null, null, "FLOOD-2019")).consignments()).isEqualTo(1);
        assertThat(kpis.report(filter(null, null, null, "false")).consignments()).isEqualTo(6);
        assertThat(kpis.report(filter(null, null, null, "OTHER-2019")).consignments()).isZero();

        KpiReport mtc = kpis.report(MARCH_2019.withAuthority("MTC"));
        assertThat(mtc.consignments()).isEqualTo(2);
        assertThat(mtc.authorityReviews()).extracting(AuthorityFigures::authority).containsExactly("MTC");
        assertThat(mtc.arrivalToRelease()).extracting(PortTimes::port).containsExactly("WATTAY");
    }

    @Test
    void servesTheFiguresAsJsonToOfficials() throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/reports/kpis?" + PERIOD + "&port=WATTAY", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.at("/consignments").asLong()).isEqualTo(5);
        assertThat(body.at("/filter/port").asText()).isEqualTo("WATTAY");
        assertThat(body.at("/arrivalToRelease/0/port").asText()).isEqualTo("WATTAY");
        assertThat(body.at("/arrivalToRelease/0/arrivalToRelease/count").asInt()).isEqualTo(3);
        assertThat(body.at("/arrivalToRelease/0/arrivalToRelease/medianSeconds").asDouble()).isEqualTo(14400.0);
        assertThat(body.at("/arrivalToRelease/0/arrivalToRelease/p90Seconds").asDouble()).isEqualTo(36000.0);
        assertThat(body.at("/authorityReviews/0/authority").asText()).isEqualTo("MOH_FDD");
        assertThat(body.at("/authorityReviews/0/breaches").asLong()).isEqualTo(2);
        assertThat(body.at("/authorityReviews/0/tacitApprovals").asLong()).isEqualTo(1);
        assertThat(body.at("/dutiesWaived/total").decimalValue()).isEqualByComparingTo("1750.50");
    }

    @Test
    void exportsTheFiguresAsCsv() {
        ResponseEntity<String> csv = http.withBasicAuth("customs", "demo")
                .getForEntity("/api/reports/kpis.csv?" + PERIOD, String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("relief-clearance-kpis.csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,key,detail,metric,value");
        assertThat(lines).contains(
                "consignments,total,,count,7",
                "consignments_by_status,RELEASED,,count,2",
                "arrival_to_release,WATTAY,,count,3",
                "arrival_to_release,WATTAY,,median_seconds,14400",
                "arrival_to_release,WATTAY,,p90_seconds,36000",
                "authority_review,MOH_FDD,,decision_time_median_seconds,86400",
                "authority_review,MOH_FDD,,breaches,2",
                "authority_review,MOH_FDD,,tacit_approvals,1",
                "authority_review,MOH_FDD,,reminders,3",
                "authority_review,MOH_FDD,,escalations,2",
                "duties_waived,FULL,,waived_value,1500.00",
                "duties_waived,total,,waived_value,1750.50");
        // the age runs on between the export and this check: allow the seconds that passed
        long age = kpis.report(MARCH_2019).oldestOpenCases().get(0).ageSeconds();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "oldest_open_case," + underReview.reference + ",UNDER_REVIEW,age_seconds,(" + (age - 2) + "|"
                        + (age - 1) + "|" + age + ")"));

        ResponseEntity<String> byParameter = http.withBasicAuth("customs", "demo")
                .getForEntity("/api/reports/kpis?format=csv&" + PERIOD, String.class);
        assertThat(byParameter.getBody()).startsWith("section,key,detail,metric,value\r\nconsignments,total,,count,7");
    }

    @Test
    void organisationsAreRefusedAndAnonymousCallersMustLogIn() {
        assertThat(http.withBasicAuth("wfp", "demo").getForEntity("/api/reports/kpis?" + PERIOD, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("laoredcross", "demo").getForEntity("/api/reports/kpis.csv", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/reports/kpis", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/reports/kpis?from=-999999999-01-01, from",
            "/api/reports/kpis?to=9999-12-31, to",
            "/api/reports/kpis?from=1999-12-31, from",
            "/api/reports/kpis?to=2101-01-01, to",
            "/api/reports/kpis?from=2019-04-01&to=2019-03-01, from",
            "/api/reports/kpis.csv?from=-999999999-01-01, from",
            "/api/reports/kpis?format=csv&to=2101-01-01, to",
            "/reports/dashboard?from=2019-04-01&to=2019-03-01, from",
            "/reports/dashboard?from=-999999999-01-01, from"})
    void aPeriodOutsideTheSaneRangeIsABadRequestNamingTheField(String url, String field) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("coordinator", "demo").getForEntity(url, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(problem.get("errors")).hasSize(1);
    }

    @Test
    void theWidestSanePeriodIsAccepted() {
        assertThat(http.withBasicAuth("coordinator", "demo")
                .getForEntity("/api/reports/kpis?from=2000-01-01&to=2100-12-31", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPeriodThatIsNotADayIsABadRequest() {
        assertThat(http.withBasicAuth("coordinator", "demo").getForEntity("/api/reports/kpis?from=last-week",
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void portOfficersSeeTheirPortAndMinistriesTheirAuthority() throws Exception {
        JsonNode wattay = json.readTree(http.withBasicAuth("port-wattay", "demo")
                .getForEntity("/api/reports/kpis?" + PERIOD, String.class).getBody());
        assertThat(wattay.at("/filter/port").asText()).isEqualTo("WATTAY");
        assertThat(wattay.at("/consignments").asLong()).isEqualTo(5);
        assertThat(http.withBasicAuth("port-wattay", "demo")
                .getForEntity("/api/reports/kpis?port=THANALENG", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode moh = json.readTree(http.withBasicAuth("moh", "demo")
                .getForEntity("/api/reports/kpis?" + PERIOD, String.class).getBody());
        assertThat(moh.at("/filter/authority").asText()).isEqualTo("MOH_FDD");
        assertThat(moh.at("/authorityReviews").size()).isEqualTo(1);
        assertThat(moh.at("/authorityReviews/0/authority").asText()).isEqualTo("MOH_FDD");
        assertThat(http.withBasicAuth("mtc", "demo")
                .getForEntity("/api/reports/kpis?authority=MOH_FDD", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static ReportFilter filter(String port, String organisation, String authority, String emergency) {
        return new ReportFilter(MARCH_2019.from(), MARCH_2019.to(), port, organisation, authority, emergency);
    }

    static OffsetDateTime at(String utc) {
        return OffsetDateTime.parse(utc + "Z");
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }
}
