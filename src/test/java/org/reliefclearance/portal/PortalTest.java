package org.reliefclearance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The organisations' portal as a browser uses it: a login form and a session, CSRF tokens on every
 * form, any number of lines, the API's rules with each error next to its field, and only the
 * organisation's own consignments. Every refusal is checked to have changed nothing.
 */
@ServiceTest
class PortalTest {

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
    void theLoginFormSignsAnOrganisationInAndAWrongPasswordIsRefused() throws Exception {
        assertThat(browser.perform(get("/portal")).andReturn().getResponse().getRedirectedUrl()).endsWith("/portal/login");
        assertThat(browser.perform(formLogin("/portal/login").user("wfp").password("wrong")).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/portal/login?failed");
        MvcResult signedIn = browser.perform(formLogin("/portal/login").user("wfp").password("demo")).andReturn();
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/portal");
    }

    @Test
    void anOrganisationNotifiesAnyNumberOfLinesWithTheApisRules() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        long before = consignments();

        // a bad HS code, a quantity that is no number, no port: each error by its field, nothing stored
        String refused = page(browser.perform(notification(wfp, "token-1", 6).param("portOfEntry", "")
                .param("lines[1].hsCode", "ABC").param("lines[4].quantity", "lots")));
        assertThat(refused).contains("Please correct these fields")
                .contains("id=\"lines-1-hsCode\"").contains("must be 6 to 10 digits")
                .contains("must be a number").contains("href=\"#portOfEntry\"")
                .as("the summary names fields as the form does").contains("Line 2 · HS code: must be 6 to 10 digits");
        assertThat(consignments()).isEqualTo(before);

        // "Add a line" adds a row and keeps what was typed; nothing is stored either
        String added = page(browser.perform(notification(wfp, "token-1", 6).param("addLine", "1")));
        assertThat(added).contains("lines[6].description").contains("value=\"Relief item 5\"");
        assertThat(consignments()).isEqualTo(before);

        // six lines, one more than the Tasklist start form takes; pressing twice notifies once
        MvcResult notified = browser.perform(notification(wfp, "token-2", 6)).andReturn();
        String location = notified.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/portal/consignments/RC-").endsWith("?notified");
        String reference = location.substring("/portal/consignments/".length(), location.indexOf('?'));
        assertThat(browser.perform(notification(wfp, "token-2", 6)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo(location);
        assertThat(consignments()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from consignment_line l join consignment c on c.id = l.consignment_id"
                + " where c.reference = ? and c.organisation_code = 'WFP'").param(reference).query(Long.class).single())
                .isEqualTo(6);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);

        String followed = page(browser.perform(get(location).session(wfp)));
        assertThat(followed).contains(reference).contains("Notified: the clearance case has started")
                .contains("Waiting for").contains("Documents still missing").contains("/portal/consignments/" + reference
                        + "/dossier.pdf");
        assertThat(page(browser.perform(get("/portal").session(wfp)))).contains(reference);
    }

    @Test
    void aPackingListInCsvOrXlsxBecomesLinesCheckedAtOnce() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        long before = consignments();
        String csv = "\uFEFFDescription,HS code,Category,Quantity,Unit,Value USD,Gross weight kg,Remarks\n"
                + "Family tents,630622,shelter,150,pcs,27000,3000,blue\n"
                + "\"Water purification tablets, 1000\",ABC,WATER_SANITATION,40,BOX,1200,,\n";
        String page = page(browser.perform(multipart("/portal/notify").file(new MockMultipartFile("packingList",
                        "packing-list.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .session(wfp).with(csrf()).param("token", "token-4").param("readPackingList", "1")));
        assertThat(page).contains("value=\"Family tents\"").contains("value=\"Water purification tablets, 1000\"")
                .contains("Line 2 · HS code: must be 6 to 10 digits").doesNotContain("Line 1 · HS code");
        assertThat(consignments()).as("reading a packing list stores nothing").isEqualTo(before);

        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Packing list");
            String[][] rows = {{"description", "hs_code", "category", "quantity", "unit", "value_usd"},
                    {"Hygiene kits", "340111", "HYGIENE_KIT", "500", "KIT", "7500"}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (r > 0 && (c == 3 || c == 5)) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(xlsx);
        }
        page = page(browser.perform(multipart("/portal/notify").file(new MockMultipartFile("packingList",
                        "packing-list.xlsx", "application/octet-stream", xlsx.toByteArray()))
                .session(wfp).with(csrf()).param("token", "token-4").param("readPackingList", "1")));
        assertThat(page).contains("value=\"Hygiene kits\"").contains("value=\"340111\"").contains("value=\"500\"")
                .doesNotContain("Please correct");

        page = page(browser.perform(multipart("/portal/notify").file(new MockMultipartFile("packingList",
                        "packing-list.xlsx", "application/octet-stream", "not a workbook".getBytes()))
                .session(wfp).with(csrf()).param("token", "token-4").param("readPackingList", "1")));
        assertThat(page).contains("Packing list (CSV or XLSX): is not an XLSX workbook");
        assertThat(consignments()).isEqualTo(before);
    }

    @Test
    void withoutItsCsrfTokenNoFormChangesAnything() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        long before = consignments();
        String reference = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS)).getBusinessKey();

        assertThat(browser.perform(notification(wfp, "token-3", 2).with(csrf().useInvalidToken())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.perform(post("/portal/consignments/" + reference + "/withdrawal").session(wfp)
                .param("reason", "from another site")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(consignments()).isEqualTo(before + 1);
        assertThat(statusOf(reference)).isEqualTo("AWAITING_ENDORSEMENT");
    }

    @Test
    void anOrganisationSeesAndActsOnItsOwnConsignmentsOnly() throws Exception {
        String lrcs = cases.submit(ClearanceCases.notification("LRC", false, ClearanceCases.TENTS)).getBusinessKey();
        MockHttpSession wfp = signIn("wfp");

        assertThat(page(browser.perform(get("/portal").session(wfp)))).doesNotContain(lrcs);
        assertThat(browser.perform(get("/portal/consignments/" + lrcs).session(wfp)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(browser.perform(post("/portal/consignments/" + lrcs + "/withdrawal").session(wfp).with(csrf())
                .param("reason", "not ours")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(browser.perform(get("/portal/consignments/" + lrcs + "/dossier.pdf").session(wfp)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(statusOf(lrcs)).isEqualTo("AWAITING_ENDORSEMENT");

        // officials work in Tasklist: the portal is not theirs
        assertThat(browser.perform(get("/portal").session(signIn("molsw"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    /**
     * Every other user, of every role, tries every portal action on an organisation's case with a
     * valid session and CSRF token: another organisation is told the case does not exist, an
     * official that the portal is not theirs, and the case stays exactly as it was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.reliefclearance.doors.Attackers#users")
    void nobodyButTheConsigneeActsOnACaseThroughThePortal(String user) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(user.equals("wfp"), "the consignee itself: the tests above");
        String reference = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS)).getBusinessKey();
        MockHttpSession session = signIn(user);
        List<Object> before = snapshot(reference);
        String at = "/portal/consignments/" + reference;
        int expected = user.equals("laoredcross") ? 404 : 403;

        for (MockHttpServletRequestBuilder attempt : List.of(
                get(at), get(at + "/dossier.pdf"),
                post(at + "/arrival"),
                post(at + "/withdrawal").param("reason", "not mine"),
                post(at + "/information").param("authority", "MOH_FDD").param("response", "forged"),
                multipart(at + "/information").file(new MockMultipartFile("file", "forged.pdf", "application/pdf",
                        org.reliefclearance.clearance.api.ApiClient.PDF)).param("authority", "MOH_FDD")
                        .param("response", "forged").param("type", "CERTIFICATE_OF_ANALYSIS"),
                get(at + "/amend"),
                post(at + "/amend").param("expectedArrival", "2030-01-01T10:00"),
                get(at + "/distribution"),
                post(at + "/distribution").param("report", "forged").param("rows[0].line", "1")
                        .param("rows[0].quantity", "1").param("rows[0].province", "LA-AT"),
                multipart(at + "/documents").file(new MockMultipartFile("file", "forged.pdf", "application/pdf",
                        org.reliefclearance.clearance.api.ApiClient.PDF)).param("type", "PACKING_LIST"))) {
            MvcResult answer = browser.perform(attempt.session(session).with(csrf())).andReturn();
            assertThat(answer.getResponse().getStatus()).as("%s %s", user, answer.getRequest().getRequestURI())
                    .isEqualTo(expected);
        }
        assertThat(snapshot(reference)).isEqualTo(before);
    }

    /** What an action could have changed: the consignment row, its timeline, documents, reports and where its case waits. */
    private List<Object> snapshot(String reference) {
        return List.of(
                jdbc.sql("select status, status_reason, arrived_at, updated_at from consignment where reference = ?")
                        .param(reference).query().singleRow(),
                jdbc.sql("select e.event_type, e.actor, e.detail from consignment_event e join consignment c"
                        + " on c.id = e.consignment_id where c.reference = ? order by e.id").param(reference).query().listOfRows(),
                documents(reference), reports(reference),
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                        .map(i -> runtime.getActiveActivityIds(i.getId())).toList());
    }

    @Test
    void aWithdrawalNeedsAReasonAndThenWithdrawsTheCase() throws Exception {
        String reference = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS)).getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        int events = events(reference);

        browser.perform(post("/portal/consignments/" + reference + "/withdrawal").session(wfp).with(csrf())
                .param("reason", " ")).andExpect(status().is3xxRedirection());
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .as("the refusal shows beside the action").contains("Not done: reason must not be blank");
        assertThat(statusOf(reference)).isEqualTo("AWAITING_ENDORSEMENT");
        assertThat(events(reference)).isEqualTo(events);

        MvcResult withdrawn = browser.perform(post("/portal/consignments/" + reference + "/withdrawal").session(wfp)
                .with(csrf()).param("reason", "Flight cancelled")).andReturn();
        assertThat(withdrawn.getFlashMap().get("done")).isEqualTo("withdrawal");
        assertThat(statusOf(reference)).isEqualTo("WITHDRAWN");
    }

    @Test
    void aMissingDocumentIsLodgedFromTheCasePageAndAnythingElseIsRefused() throws Exception {
        String reference = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.TENTS)).getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .contains("Lodge a document").contains("Packing list");

        MvcResult refused = browser.perform(multipart("/portal/consignments/" + reference + "/documents")
                .file(new MockMultipartFile("file", "list.txt", "text/plain", "not a document".getBytes()))
                .session(wfp).with(csrf()).param("type", "PACKING_LIST")).andReturn();
        assertThat(refused.getFlashMap().get("problem")).isNotNull();
        assertThat(documents(reference)).isZero();

        MvcResult lodged = browser.perform(multipart("/portal/consignments/" + reference + "/documents")
                .file(new MockMultipartFile("file", "packing-list.pdf", "application/pdf",
                        org.reliefclearance.clearance.api.ApiClient.PDF))
                .session(wfp).with(csrf()).param("type", "PACKING_LIST")).andReturn();
        assertThat(lodged.getFlashMap().get("done")).isEqualTo("document");
        assertThat(documents(reference)).isEqualTo(1);
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .contains("packing-list.pdf");
    }

    @Test
    void theDistributionIsReportedWithTheQuantityOfEachLine() throws Exception {
        org.camunda.bpm.engine.runtime.ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false,
                ClearanceCases.TENTS));
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        cases.clearAtPort(instance, "RELEASE", null);
        String reference = instance.getBusinessKey();
        assertThat(statusOf(reference)).isEqualTo("AWAITING_DISTRIBUTION_REPORT");
        MockHttpSession wfp = signIn("wfp");
        String distribution = "/portal/consignments/" + reference + "/distribution";
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .contains("href=\"" + distribution + "\"");
        assertThat(page(browser.perform(get(distribution).session(wfp))))
                .contains("Location 1", "Line 1: Family tents (200 pieces imported)", "Attapeu");

        String refused = page(browser.perform(post(distribution).session(wfp).with(csrf())
                .param("report", "Attapeu, 300 households").param("rows[0].line", "1")
                .param("rows[0].quantity", "lots").param("rows[0].province", "LA-AT")));
        assertThat(refused).contains("Location 1 · Quantity distributed: must be a number").contains("value=\"lots\"");
        assertThat(reports(reference)).isZero();
        assertThat(statusOf(reference)).isEqualTo("AWAITING_DISTRIBUTION_REPORT");

        MvcResult reported = browser.perform(post(distribution).session(wfp).with(csrf())
                .param("report", "Attapeu, 300 households").param("rows[0].line", "1")
                .param("rows[0].quantity", "120").param("rows[0].province", "LA-AT")).andReturn();
        assertThat(reported.getFlashMap().get("done")).as("%s", reported.getFlashMap()).isEqualTo("distribution");
        assertThat(jdbc.sql("select l.quantity from distribution_report_line l join distribution_report r on r.id = l.report_id"
                + " join consignment c on c.id = r.consignment_id where c.reference = ? and l.line_no = 1"
                + " and l.province_code = 'LA-AT'").param(reference).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("120");
    }

    @Test
    void thePortalSpeaksLaoWhenTheBrowserDoes() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        assertThat(page(browser.perform(get("/portal/notify").session(wfp).header("Accept-Language", "lo"))))
                .contains("ແຈ້ງສິນຄ້າ").contains("ລາຍການ 1").contains("lang=\"lo\"");
    }

    private MockHttpSession signIn(String user) throws Exception {
        MvcResult signedIn = browser.perform(formLogin("/portal/login").user(user).password("demo")).andReturn();
        return (MockHttpSession) signedIn.getRequest().getSession(false);
    }

    /** A complete notification of {@code lines} lines, as the form posts it. */
    private static MockHttpServletRequestBuilder notification(MockHttpSession session, String token, int lines) {
        MockHttpServletRequestBuilder form = post("/portal/notify").session(session).with(csrf())
                .param("token", token)
                .param("portOfEntry", "WATTAY")
                .param("destinationProvince", "LA-VT")
                .param("expectedArrival", LocalDateTime.now(ZoneId.of("Asia/Vientiane")).plusDays(3)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))
                .param("transportDocumentType", "AIR_WAYBILL")
                .param("transportDocumentNumber", "176-12345675")
                .param("donor", "ECHO");
        for (int i = 0; i < lines; i++) {
            form.param("lines[" + i + "].description", "Relief item " + i)
                    .param("lines[" + i + "].hsCode", "630622")
                    .param("lines[" + i + "].category", "SHELTER")
                    .param("lines[" + i + "].quantity", "10")
                    .param("lines[" + i + "].unit", "PCS")
                    .param("lines[" + i + "].valueUsd", "1,500.00");
        }
        return form;
    }

    private static String page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long consignments() {
        return jdbc.sql("select count(*) from consignment").query(Long.class).single();
    }

    private String statusOf(String reference) {
        return jdbc.sql("select status from consignment where reference = ?").param(reference).query(String.class).single();
    }

    private int reports(String reference) {
        return jdbc.sql("select count(*) from distribution_report r join consignment c on c.id = r.consignment_id"
                + " where c.reference = ?").param(reference).query(Integer.class).single();
    }

    private int documents(String reference) {
        return jdbc.sql("select count(*) from consignment_document d join consignment c on c.id = d.consignment_id"
                + " where c.reference = ?").param(reference).query(Integer.class).single();
    }

    private int events(String reference) {
        return jdbc.sql("select count(*) from consignment_event e join consignment c on c.id = e.consignment_id"
                + " where c.reference = ?").param(reference).query(Integer.class).single();
    }
}
