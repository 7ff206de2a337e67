package org.reliefclearance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reliefclearance.reporting.KpiReportTest.at;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.consignment.ConsignmentStatus;
import org.reliefclearance.reporting.ReportingFixtures.Row;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceTest
class DashboardTest {

    /** Consignments of the Lao-language tests: notified in October 2019, a month no other test uses. */
    private static final String LAO_PERIOD = "from=2019-10-01&to=2019-10-31";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Vocabulary vocabulary;

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
                .contains("<html lang=\"en\">", "<title>Relief clearance: where consignments are</title>")
                .contains("<link rel=\"stylesheet\" href=\"/css/relief.css\">")
                .contains("from 2019-04-01 to 2019-04-30")
                .contains("<form method=\"get\" action=\"/reports/dashboard\">", "name=\"port\"", "name=\"authority\"")
                .contains("href=\"/api/reports/kpis.csv?from=2019-04-01&amp;to=2019-04-30\">Download CSV</a>")
                .contains("<h2>Consignments by status / ສິນຄ້າຕາມສະຖານະ</h2>")
                .contains("<svg", "<title>Consignments by status</title>", ">Under review by ministries</tspan>",
                        ">Released</tspan>", ">Closed</tspan>")
                .contains("<title>Arrival to release per port</title>", ">Wattay International Airport, Vientiane</tspan>",
                        "median 2.0 h, p90 3.0 h, n=2")
                // no process history behind these rows: their whole dwell is in no tagged step
                .contains("<h2>Dwell at the border, by what the goods waited for / ", ">Other steps 2.0 h</span>")
                .contains("<title>Deadline breaches per authority</title>",
                        ">Ministry of Technology and Communications</tspan>", "1 (0 late, 1 overdue)")
                .contains("<td>Full exemption</td>")
                .contains("Oldest open cases", "/api/consignments/" + stuck.reference + "/dossier.pdf",
                        "<td>Lao Red Cross</td>", "<td>Under review by ministries</td>", "<td>2019-04-01 07:00</td>")
                // a language link keeps the filter; nothing is fetched from elsewhere, no script runs
                .contains("href=\"?from=2019-04-01&amp;to=2019-04-30&amp;lang=lo\"")
                .doesNotContain("http://", "https://", "<script", "??");
    }

    @Test
    void isForOfficialsOnly() {
        assertThat(http.getForEntity("/reports/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("wfp", "demo").getForEntity("/reports/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("wfp", "demo").getForEntity("/reports/dashboard?lang=lo", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("port-thanaleng", "demo")
                .getForEntity("/dashboard?from=2019-04-01&to=2019-04-30", String.class).getBody())
                .contains("<option value=\"THANALENG\" selected=\"selected\">");
    }

    @Test
    void speaksLaoToABrowserAskingForLao() {
        laoPeriodConsignments();

        ResponseEntity<String> page = http.exchange("/reports/dashboard?" + LAO_PERIOD, HttpMethod.GET,
                coordinatorReading("lo-LA,lo;q=0.9,en;q=0.5"), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertLao(page.getBody());
        // the browser's language is not a choice to remember
        assertThat(page.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void theLanguageSwitchIsRememberedAndOnlyTakesLanguagesTheServiceSpeaks() {
        laoPeriodConsignments();

        ResponseEntity<String> lao = http.exchange("/reports/dashboard?lang=lo&" + LAO_PERIOD, HttpMethod.GET,
                coordinatorReading("en"), String.class);
        assertLao(lao.getBody());
        String cookie = lao.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("relief-lang=lo;").contains("Path=/", "HttpOnly", "Secure", "SameSite=Lax");

        HttpHeaders remembered = new HttpHeaders();
        remembered.setBasicAuth("coordinator", "demo");
        remembered.add(HttpHeaders.ACCEPT_LANGUAGE, "en");
        remembered.add(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')));
        assertLao(http.exchange("/reports/dashboard?" + LAO_PERIOD, HttpMethod.GET, new HttpEntity<>(remembered),
                String.class).getBody());

        ResponseEntity<String> english = http.exchange("/reports/dashboard?lang=en&" + LAO_PERIOD, HttpMethod.GET,
                new HttpEntity<>(remembered), String.class);
        assertThat(english.getBody()).contains("<html lang=\"en\">", ">Awaiting distribution report</tspan>")
                .doesNotContain("ລໍຖ້າລາຍງານການແຈກຢາຍ");
        assertThat(english.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).startsWith("relief-lang=en;");

        ResponseEntity<String> klingon = http.withBasicAuth("coordinator", "demo")
                .getForEntity("/reports/dashboard?lang=tlh&" + LAO_PERIOD, String.class);
        assertThat(klingon.getBody()).contains("<html lang=\"en\">", ">Awaiting distribution report</tspan>");
        assertThat(klingon.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void showsNoStatusCodeInEitherLanguage() {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        for (ConsignmentStatus status : ConsignmentStatus.values()) {
            f.consignment(at("2019-09-02T00:00")).status(status.name()).insert();
        }

        for (String language : List.of("en", "lo")) {
            String page = http.withBasicAuth("customs", "demo")
                    .getForEntity("/reports/dashboard?from=2019-09-01&to=2019-09-30&lang=" + language, String.class)
                    .getBody();
            assertThat(page).contains("<html lang=\"" + language + "\">");
            Words words = vocabulary.in(Locale.forLanguageTag(language));
            for (ConsignmentStatus status : ConsignmentStatus.values()) {
                assertThat(page).contains(">" + words.status(status) + "</tspan>");
                assertThat(Pattern.compile("(?<![A-Z_])" + status.name() + "(?![A-Z_])").matcher(page).find())
                        .as("%s on the %s page", status, language).isFalse();
            }
        }
    }

    @Test
    void theStylesheetIsTheOnlyStaticFileServedWithoutLogin() {
        ResponseEntity<String> css = http.getForEntity("/css/relief.css", String.class);
        assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(css.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/css"))).isTrue();
        assertThat(css.getBody()).contains("svg.chart");

        assertThat(http.getForEntity("/css/other.css", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/templates/reports/dashboard.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/i18n/messages.properties", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/dashboard?lang=lo", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void laoPeriodConsignments() {
        ReportingFixtures f = new ReportingFixtures(jdbc);
        f.consignment(at("2019-10-02T00:00")).status("AWAITING_DISTRIBUTION_REPORT")
                .arrivedAndReleased(at("2019-10-03T00:00"), at("2019-10-03T02:00")).insert();
        Row review = f.consignment(at("2019-10-04T00:00")).status("UNDER_REVIEW").insert();
        f.review(review, "MOH_FDD", "PENDING", at("2019-10-04T08:00"), at("2019-10-08T08:00"), null, null, null,
                false, 0, false);
    }

    private static void assertLao(String page) {
        assertThat(page).contains("<html lang=\"lo\">", "<title>ການຜ່ານພາສີສິນຄ້າຊ່ວຍເຫຼືອ: ສິນຄ້າຢູ່ໃສແລ້ວ</title>")
                .contains("<h2>Consignments by status / ສິນຄ້າຕາມສະຖານະ</h2>")
                .contains(">ລໍຖ້າລາຍງານການແຈກຢາຍ</tspan>", ">ກຳລັງພິຈາລະນາໂດຍກະຊວງ</tspan>")
                .contains("<td>ກຳລັງພິຈາລະນາໂດຍກະຊວງ</td>", ">ສະໜາມບິນສາກົນວັດໄຕ, ນະຄອນຫຼວງວຽງຈັນ</tspan>")
                .contains("ຄ່າກາງ 2.0 ຊົ່ວໂມງ", "ແຕ່ 2019-10-01 ຫາ 2019-10-31")
                .doesNotContain("Awaiting distribution report", "Under review by ministries", "??");
    }

    private static HttpEntity<Void> coordinatorReading(String languages) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("coordinator", "demo");
        headers.add(HttpHeaders.ACCEPT_LANGUAGE, languages);
        return new HttpEntity<>(headers);
    }
}
