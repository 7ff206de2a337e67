package org.reliefclearance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.consignment.NewConsignment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The distribution report in the portal: rows of line, quantity, province and place on a page of
 * their own, checked by the API's request rules and its service. What was stored (rows, timeline,
 * process) is read back, and every refusal is checked to have stored nothing.
 */
@ServiceTest
class PortalDistributionTest {

    private static final NewConsignment.Line HYGIENE_KITS = new NewConsignment.Line("Hygiene kits", "340111", "HYGIENE_KIT",
            new BigDecimal("500"), "KIT", new BigDecimal("7500"), new BigDecimal("900"));

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ClearanceCases cases;

    private MockMvc browser;

    @BeforeEach
    void browser() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void twoLocationsForOneLineAndOneForAnotherAreStoredAndTheCaseMovesOn() throws Exception {
        ProcessInstance instance = released();
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");

        String form = page(browser.perform(get(distribution(reference)).session(wfp)));
        assertThat(form).as("one row per line to start with")
                .contains("name=\"rows[0].line\"", "name=\"rows[1].line\"").doesNotContain("name=\"rows[2].line\"")
                .contains("Line 1: Family tents (200 pieces imported)", "Line 2: Hygiene kits (500 kits imported)")
                .contains("<option value=\"LA-VT\">Vientiane Capital</option>", "<option value=\"LA-AT\">Attapeu</option>")
                .contains("<label for=\"rows-0-province\">Province</label>", "Add a location", "Remove location 2");

        MvcResult reported = browser.perform(report(wfp, reference, "Handed over with the provincial committees")
                .param("rows[0].line", "1").param("rows[0].quantity", "120").param("rows[0].province", "LA-AT")
                .param("rows[0].place", " Sanamxay district, Ban Hinlat camp ")
                .param("rows[1].line", "2").param("rows[1].quantity", "500").param("rows[1].province", "LA-CH")
                .param("rows[1].place", "")
                .param("rows[2].line", "1").param("rows[2].quantity", "80").param("rows[2].province", "LA-SV")
                .param("rows[2].place", "Xonnabouly district")
                // an untouched row is no row
                .param("rows[3].line", "2").param("rows[3].quantity", "").param("rows[3].province", "")).andReturn();

        assertThat(reported.getResponse().getRedirectedUrl()).isEqualTo("/portal/consignments/" + reference + "#distributed");
        assertThat(reported.getFlashMap().get("done")).isEqualTo("distribution");
        assertThat(distributed(reference)).containsExactly(
                List.of(1, "120", "LA-AT", "Sanamxay district, Ban Hinlat camp"),
                Arrays.asList(2, "500", "LA-CH", null),
                List.of(1, "80", "LA-SV", "Xonnabouly district"));
        assertThat(jdbc.sql("select r.report, r.reported_by from distribution_report r join consignment c"
                + " on c.id = r.consignment_id where c.reference = ?").param(reference).query().singleRow())
                .containsValues("Handed over with the provincial committees", "wfp");
        assertThat(cases.eventTypes(instance)).contains("DISTRIBUTION_REPORTED");
        assertThat(cases.actorOf(instance, "DISTRIBUTION_REPORTED")).isEqualTo("wfp");
        cases.runJobs(instance);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as("the report closed the case").isZero();
        assertThat(statusOf(reference)).isEqualTo("CLOSED");

        String casePage = page(browser.perform(get("/portal/consignments/" + reference).session(wfp)));
        assertThat(casePage).contains("Distribution: where the goods went", "Handed over with the provincial committees",
                "Attapeu", "Sanamxay district, Ban Hinlat camp", "Champasak", "Savannakhet", "500 kits")
                .doesNotContain("href=\"" + distribution(reference) + "\"");
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp)
                .header("Accept-Language", "lo")))).contains("ການແຈກຢາຍ: ສິນຄ້າໄປຮອດໃສ", "ອັດຕະປື", "ສະຫວັນນະເຂດ");
        assertThat(page(browser.perform(get("/cases/" + reference).with(httpBasic("molsw", "demo")))))
                .as("the officials' Case tab shows the same section")
                .contains("Distribution: where the goods went", "Sanamxay district, Ban Hinlat camp", "Savannakhet");
    }

    @Test
    void eachProblemIsShownBesideItsFieldWithTheValuesKeptAndNothingIsStored() throws Exception {
        ProcessInstance instance = released();
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        List<Object> before = snapshot(reference);

        // the request rules: no report, a quantity that is no number, a province nobody chose, one not in the list
        String refused = page(browser.perform(report(wfp, reference, " ")
                .param("rows[0].line", "1").param("rows[0].quantity", "lots").param("rows[0].province", "LA-AT")
                .param("rows[1].line", "2").param("rows[1].quantity", "10").param("rows[1].province", "")
                .param("rows[1].place", "Ban Nongbok")
                .param("rows[2].line", "2").param("rows[2].quantity", "5").param("rows[2].province", "LA-ZZ")));
        assertThat(refused).contains("Please correct these fields")
                .contains("href=\"#report\"", "Where and to whom the goods went: must not be blank")
                .contains("href=\"#rows-0-quantity\"", "Location 1 · Quantity distributed: must be a number")
                .contains("href=\"#rows-1-province\"", "Location 2 · Province: must not be blank")
                .contains("href=\"#rows-2-province\"", "Location 3 · Province: is not a province code")
                .contains("id=\"rows-0-quantity\" name=\"rows[0].quantity\" value=\"lots\" inputmode=\"decimal\" aria-invalid=\"true\"")
                .contains("value=\"Ban Nongbok\"", "<option value=\"LA-AT\" selected=\"selected\">Attapeu</option>")
                .contains("<option value=\"LA-ZZ\" selected>LA-ZZ</option>");
        assertThat(snapshot(reference)).isEqualTo(before);

        // the service's rule: 150 and 60 of the 200 tents imported; the row that goes over is named
        String tooMuch = page(browser.perform(report(wfp, reference, "Attapeu and Savannakhet")
                .param("rows[0].line", "1").param("rows[0].quantity", "150").param("rows[0].province", "LA-AT")
                .param("rows[1].line", "2").param("rows[1].quantity", "1,000").param("rows[1].province", "LA-CH")
                .param("rows[2].line", "1").param("rows[2].quantity", "60").param("rows[2].province", "LA-SV")));
        assertThat(tooMuch).contains("Location 2 · Quantity distributed: brings line 2 to 1000 distributed, more than the 500 imported");
        assertThat(snapshot(reference)).isEqualTo(before);
        tooMuch = page(browser.perform(report(wfp, reference, "Attapeu and Savannakhet")
                .param("rows[0].line", "1").param("rows[0].quantity", "150").param("rows[0].province", "LA-AT")
                .param("rows[1].line", "1").param("rows[1].quantity", "60").param("rows[1].province", "LA-SV")));
        assertThat(tooMuch).contains("href=\"#rows-1-quantity\"",
                "Location 2 · Quantity distributed: brings line 1 to 210 distributed, more than the 200 imported")
                .contains("value=\"150\"", "value=\"60\"", "Attapeu and Savannakhet");
        assertThat(snapshot(reference)).isEqualTo(before);

        // the same line, province and place twice
        String twice = page(browser.perform(report(wfp, reference, "Attapeu")
                .param("rows[0].line", "1").param("rows[0].quantity", "10").param("rows[0].province", "LA-AT")
                .param("rows[0].place", "Sanamxay")
                .param("rows[1].line", "1").param("rows[1].quantity", "20").param("rows[1].province", "LA-AT")
                .param("rows[1].place", "sanamxay")));
        assertThat(twice).contains("Location 2 · District, village or camp (if any): line 1 at LA-AT, sanamxay is reported more than once");
        assertThat(snapshot(reference)).isEqualTo(before);
        assertThat(statusOf(reference)).isEqualTo("AWAITING_DISTRIBUTION_REPORT");
    }

    @Test
    void addingAndRemovingRowsKeepsWhatWasTypedAndStoresNothing() throws Exception {
        ProcessInstance instance = released();
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        List<Object> before = snapshot(reference);

        String added = page(browser.perform(report(wfp, reference, "Two provinces")
                .param("rows[0].line", "1").param("rows[0].quantity", "120").param("rows[0].province", "LA-AT")
                .param("rows[0].place", "Sanamxay")
                .param("rows[1].line", "2").param("rows[1].quantity", "300").param("rows[1].province", "LA-CH")
                .param("addRow", "1")));
        assertThat(added).contains("name=\"rows[2].line\"", "Location 3").doesNotContain("name=\"rows[3].line\"")
                .contains("Two provinces", "value=\"120\"", "value=\"Sanamxay\"", "value=\"300\"")
                .contains("<option value=\"LA-CH\" selected=\"selected\">Champasak</option>")
                .doesNotContain("Please correct");

        String removed = page(browser.perform(report(wfp, reference, "Two provinces")
                .param("rows[0].line", "1").param("rows[0].quantity", "120").param("rows[0].province", "LA-AT")
                .param("rows[1].line", "2").param("rows[1].quantity", "300").param("rows[1].province", "LA-CH")
                .param("rows[1].place", "Pathoumphone")
                .param("removeRow", "0")));
        assertThat(removed).doesNotContain("name=\"rows[1].line\"", "value=\"120\"")
                .contains("id=\"rows-0-quantity\" name=\"rows[0].quantity\" value=\"300\"", "value=\"Pathoumphone\"")
                .contains("<option value=\"2\" selected=\"selected\">Line 2: Hygiene kits (500 kits imported)</option>");
        assertThat(snapshot(reference)).isEqualTo(before);
    }

    @Test
    void anotherOrganisationCanNeitherOpenNorPostItAndOfficialsAreRefused() throws Exception {
        ProcessInstance instance = released();
        String reference = instance.getBusinessKey();
        List<Object> before = snapshot(reference);

        for (String user : List.of("laoredcross", "molsw", "port-wattay")) {
            MockHttpSession session = signIn(user);
            int expected = user.equals("laoredcross") ? 404 : 403;
            assertThat(browser.perform(get(distribution(reference)).session(session)).andReturn().getResponse().getStatus())
                    .as("%s opens", user).isEqualTo(expected);
            assertThat(browser.perform(report(session, reference, "not ours").param("rows[0].line", "1")
                    .param("rows[0].quantity", "1").param("rows[0].province", "LA-AT")).andReturn().getResponse()
                    .getStatus()).as("%s posts", user).isEqualTo(expected);
        }
        assertThat(snapshot(reference)).isEqualTo(before);
    }

    @Test
    void onlyACaseWaitingForTheReportOffersItAndTheServiceHasTheLastWord() throws Exception {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS));
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        List<Object> before = snapshot(reference);

        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .doesNotContain(distribution(reference));
        MvcResult opened = browser.perform(get(distribution(reference)).session(wfp)).andReturn();
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/portal/consignments/" + reference + "#actions");
        assertThat(opened.getFlashMap().get("problem").toString()).contains("not waiting for a distribution report");

        String refused = page(browser.perform(report(wfp, reference, "Too early")
                .param("rows[0].line", "1").param("rows[0].quantity", "10").param("rows[0].province", "LA-AT")));
        assertThat(refused).contains("Not done: " + reference + " is not waiting for a distribution report")
                .contains("value=\"10\"", "Too early");
        assertThat(snapshot(reference)).isEqualTo(before);
    }

    @Test
    void thePageSpeaksLao() throws Exception {
        String reference = released().getBusinessKey();
        assertThat(page(browser.perform(get(distribution(reference)).session(signIn("wfp")).header("Accept-Language", "lo"))))
                .contains("lang=\"lo\"", "ລາຍງານການແຈກຢາຍ", "ສະຖານທີ່ 1", "ເພີ່ມສະຖານທີ່", "ລຶບສະຖານທີ່ 2", "ແຂວງ")
                .contains("<option value=\"LA-VT\">ນະຄອນຫຼວງວຽງຈັນ</option>", "<option value=\"LA-AT\">ອັດຕະປື</option>")
                .contains("ລາຍການ 1: Family tents (ນຳເຂົ້າ 200");
    }

    /** Tents and hygiene kits (relief items, no permit), endorsed, exempted, arrived and released. */
    private ProcessInstance released() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS, HYGIENE_KITS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(statusOf(instance.getBusinessKey())).isEqualTo("AWAITING_DISTRIBUTION_REPORT");
        return instance;
    }

    private static String distribution(String reference) {
        return "/portal/consignments/" + reference + "/distribution";
    }

    private static MockHttpServletRequestBuilder report(MockHttpSession session, String reference, String report) {
        return post(distribution(reference)).session(session).with(csrf()).param("report", report);
    }

    private MockHttpSession signIn(String user) throws Exception {
        MvcResult signedIn = browser.perform(formLogin("/portal/login").user(user).password("demo")).andReturn();
        return (MockHttpSession) signedIn.getRequest().getSession(false);
    }

    private static String page(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String statusOf(String reference) {
        return jdbc.sql("select status from consignment where reference = ?").param(reference).query(String.class).single();
    }

    /** The report's rows as stored, in the order given: line, quantity, province, place. */
    private List<List<Object>> distributed(String reference) {
        return jdbc.sql("""
                select l.line_no, l.quantity, l.province_code, l.place from distribution_report_line l
                join distribution_report r on r.id = l.report_id join consignment c on c.id = r.consignment_id
                where c.reference = ? order by l.id""").param(reference)
                .query((rs, n) -> Arrays.<Object>asList(rs.getInt(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString(),
                        rs.getString(3), rs.getString(4))).list();
    }

    /** What a report could have changed: the consignment row, its timeline, its reports and where its case waits. */
    private List<Object> snapshot(String reference) {
        return List.of(
                jdbc.sql("select status, status_reason, updated_at from consignment where reference = ?")
                        .param(reference).query().singleRow(),
                jdbc.sql("select e.event_type, e.actor, e.detail from consignment_event e join consignment c"
                        + " on c.id = e.consignment_id where c.reference = ? order by e.id").param(reference).query().listOfRows(),
                distributed(reference),
                jdbc.sql("select count(*) from distribution_report r join consignment c on c.id = r.consignment_id"
                        + " where c.reference = ?").param(reference).query(Long.class).single(),
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                        .map(i -> runtime.getActiveActivityIds(i.getId())).sorted(java.util.Comparator.comparing(Object::toString))
                        .toList());
    }
}
