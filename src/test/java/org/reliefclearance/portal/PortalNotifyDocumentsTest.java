package org.reliefclearance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.consignment.Consignment;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.ConsignmentRepository;
import org.reliefclearance.documents.DocumentsOnForms;
import org.reliefclearance.review.LineMinistryReview;
import org.reliefclearance.review.ReviewDecision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Documents lodged in the same step as the notification or as the answer to a ministry, and drafts of
 * a notification, as a browser uses them: every file checked before anything is stored, a refused
 * step storing nothing (no consignment, no document, no draft), and a draft seen only by its
 * organisation.
 */
@ServiceTest
class PortalNotifyDocumentsTest {

    /** The upload limit of application.yaml (UPLOAD_MAX_FILE_SIZE), named in the refusal. */
    private static final int TEN_MB = 10 * 1024 * 1024;

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    ClearanceCases cases;
    @Autowired
    ConsignmentRepository consignments;
    @Autowired
    DocumentsOnForms documentsOnForms;

    private MockMvc browser;

    @BeforeEach
    void browser() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void twoDocumentsAreLodgedWithTheNotificationAndNoLongerMissing() throws Exception {
        MockHttpSession wfp = signIn("wfp");

        // the third row left alone: a browser sends an empty part without a name for it
        MvcResult notified = browser.perform(notification(wfp, token(), 2,
                doc("PACKING_LIST", pdf("packing-list.pdf")), doc("DONATION_CERTIFICATE", png("gift.png")),
                doc("", new MockMultipartFile("file", "", "application/octet-stream", new byte[0])))).andReturn();

        String reference = reference(notified);
        assertThat(documentRows(reference)).containsExactly(
                Map.of("document_type", "PACKING_LIST", "file_name", "packing-list.pdf", "uploaded_by", "wfp"),
                Map.of("document_type", "DONATION_CERTIFICATE", "file_name", "gift.png", "uploaded_by", "wfp"));
        assertThat(eventTypes(reference)).containsExactly("NOTIFIED", "DOCUMENT_LODGED", "DOCUMENT_LODGED");
        Consignment c = consignments.findByReference(reference).orElseThrow();
        List<Integer> lines = consignments.lines(c.id()).stream().map(ConsignmentLine::lineNo).toList();
        assertThat(documentsOnForms.missingFor(c, lines)).contains("TRANSPORT_DOCUMENT", "PROFORMA_INVOICE")
                .doesNotContain("PACKING_LIST", "DONATION_CERTIFICATE");
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(ClearanceProcess.KEY).singleResult();
        cases.runJobs(instance);
        assertThat(formText(instance, DocumentsOnForms.MISSING))
                .as("the officials' forms").contains("Transport document").doesNotContain("Packing list");
        assertThat(formText(instance, DocumentsOnForms.LODGED))
                .contains("Packing list").contains("Donation certificate");
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .contains("packing-list.pdf").contains("gift.png");
    }

    @Test
    void aRefusedNotificationStoresNeitherTheConsignmentNorItsDocuments() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        List<Long> before = counts();

        String refused = page(browser.perform(notification(wfp, token(), 2, Map.of("lines[1].hsCode", "ABC"),
                doc("PACKING_LIST", pdf("packing-list.pdf")))));

        assertThat(refused).contains("Line 2 · HS code: must be 6 to 10 digits")
                .as("the browser will not send the file again: said beside the documents")
                .contains("were not kept").contains("packing-list.pdf: not kept, choose it again")
                .contains("<option value=\"PACKING_LIST\" selected=\"selected\">");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFileOfTheWrongKindOrTooLargeIsRefusedOnItsRowNamingTheLimit() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        List<Long> before = counts();
        byte[] tooLarge = new byte[TEN_MB + 1];
        System.arraycopy(ApiClient.PDF, 0, tooLarge, 0, ApiClient.PDF.length);

        String wrongKind = page(browser.perform(notification(wfp, token(), 1,
                doc("PACKING_LIST", new MockMultipartFile("file", "list.txt", "text/plain", "not a document".getBytes())),
                doc("LOVE_LETTER", pdf("gift.pdf")))));
        assertThat(wrongKind).contains("Document 1 · File (PDF, JPEG or PNG): is not a PDF, JPEG or PNG file")
                .contains("href=\"#documents-0-file\"").contains("id=\"documents-0-file\"")
                .contains("Document 2 · Type: must be one of");
        assertThat(wrongKind.substring(wrongKind.indexOf("id=\"documents-0-file\""))).startsWith("id=\"documents-0-file\"")
                .containsPattern("^[^>]*aria-invalid=\"true\"");

        Doc scan = doc("PACKING_LIST", new MockMultipartFile("file", "scan.pdf", "application/pdf", tooLarge));
        String large = page(browser.perform(notification(wfp, token(), 1, scan)));
        assertThat(large).contains("Document 1 · File (PDF, JPEG or PNG): is larger than the limit of 10 MB per file");

        String draft = page(browser.perform(notification(wfp, token(), 1, scan).param("saveDraft", "1")));
        assertThat(draft).as("a draft's documents obey the same rules").contains("is larger than the limit of 10 MB");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void pressingNotifyTwiceLodgesTheDocumentsOnce() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        List<Long> before = counts();
        String token = token();

        String first = browser.perform(notification(wfp, token, 1, doc("PACKING_LIST", pdf("packing-list.pdf"))))
                .andReturn().getResponse().getRedirectedUrl();
        String second = browser.perform(notification(wfp, token, 1, doc("PACKING_LIST", pdf("packing-list.pdf"))))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(second).isEqualTo(first);
        String reference = first.substring("/portal/consignments/".length(), first.indexOf('?'));
        assertThat(counts()).isEqualTo(List.of(before.get(0) + 1, before.get(1) + 1, before.get(2)));
        assertThat(documentRows(reference)).hasSize(1);
    }

    @Test
    void theAnswerToAMinistryAndItsDocumentAreOneStep() throws Exception {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE));
        cases.endorse(instance);
        cases.runJobs(instance);
        ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .singleResult();
        cases.complete(review, LineMinistryReview.Elements.REVIEW_PERMIT, "moh", "moh-fdd", Variables.createVariables()
                .putValue(LineMinistryReview.Vars.REVIEW_DECISION.name(), ReviewDecision.REQUEST_INFORMATION.name())
                .putValue(LineMinistryReview.Vars.INFORMATION_REQUEST.name(), "Send the certificate of analysis"));
        cases.runJobs(instance);
        String reference = instance.getBusinessKey();
        assertThat(reviewStatus(reference)).isEqualTo("INFORMATION_REQUESTED");
        MockHttpSession wfp = signIn("wfp");
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .contains("id=\"information-file-MOH_FDD\"").contains("Document sent with the answer (optional)");
        String information = "/portal/consignments/" + reference + "/information";

        // a file that is no document: neither the document nor the answer
        MvcResult refused = browser.perform(multipart(information).file(new MockMultipartFile("file", "coa.txt",
                        "text/plain", "not a document".getBytes())).session(wfp).with(csrf())
                .param("authority", "MOH_FDD").param("response", "Certificate attached")
                .param("type", "CERTIFICATE_OF_ANALYSIS"))
                .andReturn();
        assertThat(refused.getFlashMap().get("problem").toString()).contains("is not a PDF, JPEG or PNG file");
        assertThat(documentRows(reference)).isEmpty();
        assertThat(reviewStatus(reference)).isEqualTo("INFORMATION_REQUESTED");

        MvcResult answered = browser.perform(multipart(information).file(pdf("coa.pdf")).session(wfp).with(csrf())
                .param("authority", "MOH_FDD").param("response", "Certificate attached")
                .param("type", "CERTIFICATE_OF_ANALYSIS"))
                .andReturn();
        assertThat(answered.getFlashMap().get("done")).as("%s", answered.getFlashMap()).isEqualTo("information");
        assertThat(documentRows(reference)).containsExactly(
                Map.of("document_type", "CERTIFICATE_OF_ANALYSIS", "file_name", "coa.pdf", "uploaded_by", "wfp"));
        assertThat(reviewStatus(reference)).isEqualTo("PENDING");
        assertThat(runtime.createExecutionQuery().processInstanceId(review.getId())
                .activityId(LineMinistryReview.Elements.REVIEW_PERMIT).count()).isEqualTo(1);
        assertThat(runtime.getVariable(review.getId(), LineMinistryReview.Vars.INFORMATION_RESPONSE.name()))
                .isEqualTo("Certificate attached");
        assertThat(formText(review, DocumentsOnForms.LODGED))
                .as("the reviewer's form shows it").contains("Certificate of analysis");
        assertThat(eventTypes(reference)).containsSubsequence("DOCUMENT_LODGED", "INFORMATION_PROVIDED");
    }

    @Test
    void anAnswerNobodyAskedForLeavesNoDocumentBehind() throws Exception {
        String reference = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE)).getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        List<String> events = eventTypes(reference);

        MvcResult refused = browser.perform(multipart("/portal/consignments/" + reference + "/information")
                .file(pdf("coa.pdf")).session(wfp).with(csrf())
                .param("authority", "MOH_FDD").param("response", "Unasked").param("type", "CERTIFICATE_OF_ANALYSIS"))
                .andReturn();

        assertThat(refused.getFlashMap().get("problem").toString()).contains("No review by MOH_FDD is waiting");
        assertThat(documentRows(reference)).as("stored, then rolled back with the refused answer").isEmpty();
        assertThat(eventTypes(reference)).isEqualTo(events);
        assertThat(statusOf(reference)).isEqualTo("AWAITING_ENDORSEMENT");
    }

    @Test
    void aDraftKeepsTheFormAsTypedAndItsDocumentsUntilItIsNotified() throws Exception {
        MockHttpSession wfp = signIn("wfp");
        String token = token();
        List<Long> before = counts();

        // a line not yet right, a document chosen: kept as typed
        MvcResult saved = browser.perform(notification(wfp, token, 2, Map.of("lines[1].hsCode", "ABC"),
                doc("PACKING_LIST", pdf("packing-list.pdf"))).param("saveDraft", "1")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/portal/drafts/" + token + "?saved");
        assertThat(counts()).as("no consignment, no document of a case; one draft")
                .isEqualTo(List.of(before.get(0), before.get(1), before.get(2) + 1));
        assertThat(jdbc.sql("select organisation_code, saved_by from portal_draft where token = ?").param(token)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("WFP wfp");
        assertThat(draftDocuments(token)).containsExactly("PACKING_LIST packing-list.pdf");

        String listed = page(browser.perform(get("/portal").session(wfp)));
        assertThat(listed).contains("Drafts").contains("href=\"/portal/drafts/" + token + "\"").contains("Lines: 2")
                .contains("by wfp");

        String continued = page(browser.perform(get("/portal/drafts/" + token).session(wfp)));
        assertThat(continued).contains("value=\"Relief item 0\"").contains("value=\"Relief item 1\"")
                .contains("value=\"ABC\"").contains("value=\"" + token + "\"").contains("value=\"176-12345675\"")
                .contains("Leave out Packing list: packing-list.pdf");
        long packingList = jdbc.sql("select id from portal_draft_document where draft_token = ?").param(token)
                .query(Long.class).single();

        // saved again: one document left out, another added
        browser.perform(notification(wfp, token, 2, Map.of("lines[1].hsCode", "ABC"),
                doc("PROFORMA_INVOICE", pdf("invoice.pdf"))).param("saveDraft", "1")
                .param("removeDocuments", String.valueOf(packingList)));
        assertThat(draftDocuments(token)).containsExactly("PROFORMA_INVOICE invoice.pdf");
        assertThat(page(browser.perform(get("/portal/drafts/" + token).session(wfp)))).contains("invoice.pdf")
                .doesNotContain("packing-list.pdf");

        // notified from the draft, the line put right and one more document: the draft's and the new one
        String location = browser.perform(notification(wfp, token, 2, doc("DONATION_CERTIFICATE", png("gift.png"))))
                .andReturn().getResponse().getRedirectedUrl();
        String reference = location.substring("/portal/consignments/".length(), location.indexOf('?'));
        assertThat(documentRows(reference)).extracting(r -> r.get("document_type"))
                .containsExactly("PROFORMA_INVOICE", "DONATION_CERTIFICATE");
        assertThat(consignments.lines(consignments.findByReference(reference).orElseThrow().id())).hasSize(2);
        assertThat(jdbc.sql("select count(*) from portal_draft where token = ?").param(token).query(Long.class).single())
                .isZero();
        assertThat(draftDocuments(token)).isEmpty();
        assertThat(page(browser.perform(get("/portal").session(wfp)))).doesNotContain("/portal/drafts/" + token);
        assertThat(browser.perform(get("/portal/drafts/" + token).session(wfp)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    /**
     * Every other user, of every role, tries to see, open, continue, notify or delete WFP's draft:
     * another organisation is told it does not exist, an official that the portal is not theirs, and
     * the draft, its documents and the cases stay as they were.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.reliefclearance.doors.Attackers#users")
    void nobodyButTheOrganisationSeesOpensContinuesOrDeletesItsDraft(String user) throws Exception {
        Assumptions.assumeFalse(user.equals("wfp"), "the organisation itself: the tests above");
        MockHttpSession wfp = signIn("wfp");
        String token = token();
        browser.perform(notification(wfp, token, 1, doc("PACKING_LIST", pdf("packing-list.pdf")))
                .param("saveDraft", "1"));
        List<Object> draft = draftSnapshot(token);
        List<Long> before = counts();
        int expected = user.equals("laoredcross") ? 404 : 403;

        MockHttpSession other = signIn(user);
        if (expected == 404) {
            assertThat(page(browser.perform(get("/portal").session(other)))).doesNotContain(token);
        }
        for (MockHttpServletRequestBuilder attempt : List.of(
                get("/portal/drafts/" + token),
                post("/portal/drafts/" + token + "/delete"),
                notification(other, token, 1).param("saveDraft", "1"),
                notification(other, token, 1),
                notification(other, token, 1).param("addLine", "1"))) {
            MvcResult answer = browser.perform(attempt.session(other).with(csrf())).andReturn();
            assertThat(answer.getResponse().getStatus()).as("%s %s %s", user, answer.getRequest().getMethod(),
                    answer.getRequest().getRequestURI()).isEqualTo(expected);
        }
        assertThat(draftSnapshot(token)).isEqualTo(draft);
        assertThat(counts()).isEqualTo(before);

        // its own organisation deletes it, once
        assertThat(browser.perform(post("/portal/drafts/" + token + "/delete").session(wfp).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/portal?draftDeleted");
        assertThat(draftSnapshot(token)).isEqualTo(List.of(List.of(), List.of()));
        assertThat(browser.perform(post("/portal/drafts/" + token + "/delete").session(wfp).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anOrganisationKeepsAtMostTwentyDrafts() throws Exception {
        MockHttpSession lrc = signIn("laoredcross");
        List<String> tokens = new java.util.ArrayList<>();
        while (drafts("LRC") < 20) {
            String token = token();
            tokens.add(token);
            assertThat(browser.perform(notification(lrc, token, 1).param("saveDraft", "1")).andReturn().getResponse()
                    .getRedirectedUrl()).isEqualTo("/portal/drafts/" + token + "?saved");
        }

        String refused = page(browser.perform(notification(lrc, "one-too-many", 1,
                doc("PACKING_LIST", pdf("packing-list.pdf"))).param("saveDraft", "1")));
        assertThat(refused).contains("Save as draft: your organisation keeps at most 20 drafts and has 20")
                .contains("href=\"#draft\"");
        assertThat(drafts("LRC")).isEqualTo(20);
        assertThat(draftDocuments("one-too-many")).isEmpty();
        assertThat(jdbc.sql("select count(*) from portal_draft where token = 'one-too-many'").query(Long.class).single())
                .isZero();

        // a draft already kept may still be saved again
        String again = tokens.isEmpty() ? jdbc.sql("select token from portal_draft where organisation_code = 'LRC'")
                .query(String.class).list().get(0) : tokens.get(0);
        assertThat(browser.perform(notification(lrc, again, 1).param("saveDraft", "1")).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/portal/drafts/" + again + "?saved");

        for (String token : tokens) {
            browser.perform(post("/portal/drafts/" + token + "/delete").session(lrc).with(csrf()));
        }
    }

    private MockHttpSession signIn(String user) throws Exception {
        MvcResult signedIn = browser.perform(formLogin("/portal/login").user(user).password("demo")).andReturn();
        return (MockHttpSession) signedIn.getRequest().getSession(false);
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    /** A document row of the form: its type and the file chosen. */
    private record Doc(String type, MockMultipartFile file) {
    }

    private static Doc doc(String type, MockMultipartFile file) {
        return new Doc(type, file);
    }

    /**
     * A complete notification of {@code lines} lines with these documents, as the form posts it
     * (multipart, the file inputs named by their row).
     */
    private static MockHttpServletRequestBuilder notification(MockHttpSession session, String token, int lines,
                                                              Doc... documents) {
        return notification(session, token, lines, Map.of(), documents);
    }

    /** The same with some fields typed otherwise, {@code lines[1].hsCode = ABC}. */
    private static MockHttpServletRequestBuilder notification(MockHttpSession session, String token, int lines,
                                                              Map<String, String> typed, Doc... documents) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("token", token);
        fields.put("portOfEntry", "WATTAY");
        fields.put("destinationProvince", "LA-VT");
        fields.put("expectedArrival", LocalDateTime.now(ZoneId.of("Asia/Vientiane")).plusDays(3)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        fields.put("transportDocumentType", "AIR_WAYBILL");
        fields.put("transportDocumentNumber", "176-12345675");
        fields.put("donor", "ECHO");
        for (int i = 0; i < lines; i++) {
            fields.put("lines[" + i + "].description", "Relief item " + i);
            fields.put("lines[" + i + "].hsCode", "630622");
            fields.put("lines[" + i + "].category", "SHELTER");
            fields.put("lines[" + i + "].quantity", "10");
            fields.put("lines[" + i + "].unit", "PCS");
            fields.put("lines[" + i + "].valueUsd", "1,500.00");
        }
        fields.putAll(typed);
        MockMultipartHttpServletRequestBuilder files = multipart("/portal/notify");
        for (int i = 0; i < documents.length; i++) {
            MockMultipartFile f = documents[i].file();
            try {
                files.file(new MockMultipartFile("documents[" + i + "].file", f.getOriginalFilename(), f.getContentType(),
                        f.getBytes()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            fields.put("documents[" + i + "].type", documents[i].type());
        }
        MockHttpServletRequestBuilder form = files.session(session).with(csrf());
        fields.forEach(form::param);
        return form;
    }

    private static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf", ApiClient.PDF);
    }

    private static MockMultipartFile png(String name) {
        return new MockMultipartFile("file", name, "image/png", ApiClient.PNG);
    }

    private static String reference(MvcResult notified) {
        String location = notified.getResponse().getRedirectedUrl();
        assertThat(location).as("notified").startsWith("/portal/consignments/RC-").endsWith("?notified");
        return location.substring("/portal/consignments/".length(), location.indexOf('?'));
    }

    private static String page(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Consignments, documents of consignments, drafts: what a refused step must leave as it was. */
    private List<Long> counts() {
        return List.of(count("consignment"), count("consignment_document"), count("portal_draft"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<Map<String, Object>> documentRows(String reference) {
        return jdbc.sql("select d.document_type, d.file_name, d.uploaded_by from consignment_document d"
                        + " join consignment c on c.id = d.consignment_id where c.reference = ? order by d.id")
                .param(reference).query((rs, n) -> Map.<String, Object>of("document_type", rs.getString(1),
                        "file_name", rs.getString(2), "uploaded_by", rs.getString(3))).list();
    }

    private List<String> eventTypes(String reference) {
        return jdbc.sql("select e.event_type from consignment_event e join consignment c on c.id = e.consignment_id"
                + " where c.reference = ? order by e.id").param(reference).query(String.class).list();
    }

    private String statusOf(String reference) {
        return jdbc.sql("select status from consignment where reference = ?").param(reference).query(String.class).single();
    }

    private String reviewStatus(String reference) {
        return jdbc.sql("select r.status from authority_review r join consignment c on c.id = r.consignment_id"
                + " where c.reference = ? and r.authority_code = 'MOH_FDD'").param(reference).query(String.class).single();
    }

    private List<String> draftDocuments(String token) {
        return jdbc.sql("select document_type, file_name from portal_draft_document where draft_token = ? order by id")
                .param(token).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    private long drafts(String organisation) {
        return jdbc.sql("select count(*) from portal_draft where organisation_code = ?").param(organisation)
                .query(Long.class).single();
    }

    /** The draft row and its documents, as another organisation must leave them. */
    private List<Object> draftSnapshot(String token) {
        return List.of(
                jdbc.sql("select organisation_code, saved_by, saved_at, form from portal_draft where token = ?").param(token)
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getObject(3).toString(),
                                rs.getString(4))).list(),
                jdbc.sql("select id, document_type, file_name, size_bytes from portal_draft_document where draft_token = ?")
                        .param(token).query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getLong(4))).list());
    }

    /** A text the form of the process's open task is shown. */
    private String formText(ProcessInstance instance, String name) {
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        return engine.getFormService().getTaskFormVariables(task).getValue(name, String.class);
    }
}
