package org.reliefclearance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.ClearanceProcess.Elements;
import org.reliefclearance.clearance.ClearanceProcess.Vars;
import org.reliefclearance.clearance.ConsignmentActions;
import org.reliefclearance.consignment.ConsignmentLine;
import org.reliefclearance.consignment.NewConsignment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Amending a notification from the portal as a browser does it: the page filled with the notification,
 * the form posted back with what the organisation changed, only that sent through the API's rules and
 * service, each refusal on its field or beside the form with the values kept, and every refusal (bad
 * values, the wrong moment, a released line, someone else, no CSRF token) checked to have changed nothing.
 */
@ServiceTest
class PortalAmendmentTest {

    private static final ZoneId VIENTIANE = ZoneId.of("Asia/Vientiane");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final NewConsignment.Line TARPAULINS = ClearanceCases.line("Tarpaulins", "630612", "SHELTER", "300",
            "6000");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ClearanceCases cases;
    @Autowired
    ConsignmentActions actions;

    private MockMvc browser;

    @BeforeEach
    void browser() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        BpmnAwareTests.init(engine);
    }

    @Test
    void anOrganisationChangesTheArrivalALineAndAddsOne() throws Exception {
        ProcessInstance instance = reviewed();
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .contains("Amend the notification").contains("href=\"/portal/consignments/" + reference + "/amend\"");

        String amendPage = page(browser.perform(get(amendPath(reference)).session(wfp)));
        String notifiedArrival = cases.consignment(instance).expectedArrival().atZoneSameInstant(VIENTIANE)
                .toLocalDateTime().format(TYPED);
        assertThat(amendPage).as("filled with the notification as it is")
                .contains("value=\"" + notifiedArrival + "\"").contains("type=\"datetime-local\"")
                .contains("value=\"" + cases.consignment(instance).transportDocumentNumber() + "\"")
                .contains("value=\"Amoxicillin 500 mg capsules\"").contains("value=\"Satellite phones\"")
                .contains("value=\"1200\"").contains("value=\"4800\"").contains("value=\"851714\"")
                .contains("<legend>Line 2</legend>").doesNotContain("Lines that can no longer change");
        Map<String, String> form = fields(amendPage);
        assertThat(form).containsEntry("lines[0].lineNo", "1").containsEntry("lines[1].lineNo", "2")
                .containsEntry("lines[1].category", "TELECOM_EQUIPMENT").containsEntry("lines[1].unit", "PCS")
                .containsEntry("transportDocumentType", "AIR_WAYBILL");
        Object before = snapshot(instance);

        // "Add a line" posts the form back as typed, with one more row, and stores nothing
        String arrival = LocalDateTime.now(VIENTIANE).plusDays(5).withHour(9).withMinute(30).format(TYPED);
        form.put("expectedArrival", arrival);
        form.put("lines[1].quantity", "12");
        String added = page(browser.perform(posted(reference, wfp, form).param("addLine", "1")));
        assertThat(added).contains("name=\"lines[2].description\"").contains("<legend>New line 1</legend>")
                .contains("Remove new line 1").contains("value=\"12\"").contains("value=\"" + arrival + "\"");
        assertThat(snapshot(instance)).isEqualTo(before);

        form.putAll(row(2, "Family tents", "630622", "SHELTER", "50", "7500"));
        form.put("reason", "Flight moved by two days; two more phones and the tents that missed the last flight");
        MvcResult amended = browser.perform(posted(reference, wfp, form)).andReturn();

        assertThat(amended.getResponse().getRedirectedUrl()).isEqualTo("/portal/consignments/" + reference);
        assertThat(amended.getFlashMap().get("done")).isEqualTo("amendment");
        cases.runJobs(instance);
        assertThat(cases.consignment(instance).expectedArrival().toInstant())
                .isEqualTo(LocalDateTime.parse(arrival).atZone(VIENTIANE).toInstant());
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::lineNo, ConsignmentLine::description,
                        l -> l.quantity().stripTrailingZeros().toPlainString(), ConsignmentLine::treatment,
                        ConsignmentLine::reviewStatus)
                .containsExactly(tuple(1, "Amoxicillin 500 mg capsules", "1200", "PERMIT_REQUIRED", "APPROVED"),
                        tuple(2, "Satellite phones", "12", "PERMIT_REQUIRED", "PENDING"),
                        tuple(3, "Family tents", "50", "RELIEF_EXEMPT", null));
        assertThat(cases.events(instance)).filteredOn(e -> e.eventType().equals("NOTIFICATION_AMENDED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("wfp");
                    assertThat(e.detail()).contains("expected arrival", "line 2 (Satellite phones, HS 851714, 10 PCS)",
                                    "12 PCS", "new line Family tents (HS 630622)", "missed the last flight")
                            .as("only what changed is sent").doesNotContain("line 1 ").doesNotContain("transport document");
                });
        // the process took the message: only the changed and new lines classified, only MTC reviews again
        assertThat(instance).hasPassed(Elements.CLASSIFY_AMENDED_LINES)
                .isWaitingAt(Elements.DECIDE_EXEMPTION, Elements.REVIEW_AMENDED_LINES);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .list()).singleElement().satisfies(review -> assertThat(engine.getRuntimeService()
                .getVariable(review.getId(), Vars.AUTHORITY.name())).isEqualTo("MTC"));

        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp)
                .flashAttr("done", "amendment")))).contains("Done: Amend the notification.");
        assertThat(page(browser.perform(get(amendPath(reference)).session(wfp).header("Accept-Language", "lo"))))
                .contains("ແກ້ໄຂໃບແຈ້ງ").contains("ສົ່ງການແກ້ໄຂ").contains("lang=\"lo\"");
    }

    @Test
    void badValuesComeBackOnTheirFieldsAsTypedAndNothingChanges() throws Exception {
        ProcessInstance instance = awaitingExemption(ClearanceCases.TENTS);
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        Map<String, String> form = fields(page(browser.perform(get(amendPath(reference)).session(wfp))));
        Object before = snapshot(instance);

        String longAgo = LocalDateTime.now(VIENTIANE).minusDays(60).withHour(8).withMinute(0).format(TYPED);
        form.put("expectedArrival", longAgo);
        form.put("lines[0].quantity", "lots");
        form.putAll(row(1, "Satellite phones", "85A", "TELECOM_EQUIPMENT", "12", "10800"));
        form.put("reason", " ");
        MvcResult refused = browser.perform(posted(reference, wfp, form)).andReturn();

        String page = page(refused);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(page).contains("Please correct these fields")
                .contains("Expected arrival (Vientiane time): must be between 30 days ago and 365 days ahead")
                .contains("href=\"#expectedArrival\"")
                .contains("Line 1 · Quantity: must be a number").contains("href=\"#lines-0-quantity\"")
                .contains("New line 1 · HS code: must be 6 to 10 digits").contains("href=\"#lines-1-hsCode\"")
                .contains("Why the notification changes: must not be blank").contains("href=\"#reason\"")
                .as("the values as typed").contains("value=\"" + longAgo + "\"").contains("value=\"lots\"")
                .contains("value=\"85A\"").contains("value=\"Satellite phones\"");
        assertThat(page).as("the summary in the page's order")
                .containsSubsequence("href=\"#expectedArrival\"", "href=\"#lines-0-quantity\"",
                        "href=\"#lines-1-hsCode\"", "href=\"#reason\"");
        assertThat(page).as("each field marked").containsPattern("id=\"lines-1-hsCode\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"expectedArrival\"[^>]*aria-invalid=\"true\"");
        assertThat(snapshot(instance)).isEqualTo(before);

        // the form as it came, with a reason: it changes nothing, and says so
        Map<String, String> unchanged = fields(page(browser.perform(get(amendPath(reference)).session(wfp))));
        unchanged.put("reason", "Just checking");
        assertThat(page(browser.perform(posted(reference, wfp, unchanged))))
                .contains("The amendment: changes nothing").contains("href=\"#changes\"");
        // an erased transport document number is refused, not stored blank
        unchanged.put("transportDocumentNumber", " ");
        assertThat(page(browser.perform(posted(reference, wfp, unchanged))))
                .contains("Transport document number: must not be blank");
        assertThat(snapshot(instance)).isEqualTo(before);
    }

    @Test
    void whileAMinistryReviewsTheServicesRefusalIsShownAndNothingChanges() throws Exception {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        Map<String, String> form = fields(page(browser.perform(get(amendPath(reference)).session(wfp))));
        Object before = snapshot(instance);

        form.put("lines[0].quantity", "12");
        form.put("reason", "Two more phones");
        MvcResult refused = browser.perform(posted(reference, wfp, form)).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(page(refused)).contains("Not done: A ministry is reviewing " + reference)
                .as("the values kept").contains("value=\"12\"").contains("Two more phones");
        assertThat(snapshot(instance)).isEqualTo(before);
        assertThat(instance).isWaitingAt(Elements.REVIEW_BY_AUTHORITY, Elements.DECIDE_EXEMPTION);
    }

    @Test
    void aReleasedLineIsShownButCannotBeChanged() throws Exception {
        ProcessInstance instance = awaitingExemption(ClearanceCases.TENTS, TARPAULINS);
        cases.decideExemption(instance, "FULL", null, null);
        cases.arrive(instance);
        // 50 tarpaulins short: the port releases the tents and holds the tarpaulins
        actions.recordTally(cases.consignment(instance), List.of(
                new ConsignmentActions.TalliedLine(2, new BigDecimal("250"), false)), "50 short", "port-wattay");
        cases.clearAtPort(instance, "RELEASE", null);
        String reference = instance.getBusinessKey();
        String releaseNumber = cases.lines(instance).get(0).releaseNumber();
        assertThat(releaseNumber).isNotNull();
        assertThat(cases.lines(instance).get(1).releaseNumber()).isNull();
        MockHttpSession wfp = signIn("wfp");
        assertThat(page(browser.perform(get("/portal/consignments/" + reference).session(wfp))))
                .contains("Amend the notification");

        String amendPage = page(browser.perform(get(amendPath(reference)).session(wfp)));
        assertThat(amendPage).contains("Lines that can no longer change")
                .contains("released with release note " + releaseNumber)
                .as("the released line is not offered").doesNotContain("value=\"Family tents\"")
                .contains("value=\"Tarpaulins\"");
        Map<String, String> form = fields(amendPage);
        assertThat(form).containsEntry("lines[0].lineNo", "2").doesNotContainValue("Family tents");
        Object before = snapshot(instance);

        // a form made to change the released line anyway: the service refuses it, on that row
        form.putAll(row(1, "Family tents", "630622", "SHELTER", "250", "37500"));
        form.put("lines[1].lineNo", "1");
        form.put("reason", "More tents");
        String refused = page(browser.perform(posted(reference, wfp, form)));
        assertThat(refused).contains("Line 1: line 1 was released already (" + releaseNumber + ")")
                .contains("id=\"lines-1-lineNo\"");
        assertThat(snapshot(instance)).isEqualTo(before);

        // the line still at the port may change: what arrived is what is declared now
        Map<String, String> tarpaulins = fields(page(browser.perform(get(amendPath(reference)).session(wfp))));
        tarpaulins.put("lines[0].quantity", "250");
        tarpaulins.put("lines[0].valueUsd", "5000");
        tarpaulins.put("reason", "50 tarpaulins were never loaded");
        assertThat(browser.perform(posted(reference, wfp, tarpaulins)).andReturn().getFlashMap().get("done"))
                .isEqualTo("amendment");
        cases.runJobs(instance);
        assertThat(cases.lines(instance)).extracting(ConsignmentLine::lineNo, l -> l.quantity().stripTrailingZeros()
                        .toPlainString(), ConsignmentLine::releaseNumber)
                .containsExactly(tuple(1, "200", releaseNumber), tuple(2, "250", null));
    }

    @Test
    void pressingTheButtonTwiceAmendsOnce() throws Exception {
        ProcessInstance instance = awaitingExemption(ClearanceCases.TENTS);
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        Map<String, String> form = fields(page(browser.perform(get(amendPath(reference)).session(wfp))));
        form.putAll(row(1, "Hygiene kits", "340111", "HYGIENE_KIT", "500", "7500"));
        form.put("reason", "Kits added to the load");

        assertThat(browser.perform(posted(reference, wfp, form)).andReturn().getFlashMap().get("done"))
                .isEqualTo("amendment");
        String again = page(browser.perform(posted(reference, wfp, form)));

        assertThat(again).contains("The notification changed after you opened this page");
        assertThat(cases.lines(instance)).hasSize(2);
        assertThat(cases.eventTypes(instance)).containsOnlyOnce("NOTIFICATION_AMENDED");
    }

    @Test
    void withoutItsCsrfTokenTheAmendmentChangesNothing() throws Exception {
        ProcessInstance instance = awaitingExemption(ClearanceCases.TENTS);
        String reference = instance.getBusinessKey();
        MockHttpSession wfp = signIn("wfp");
        Map<String, String> form = fields(page(browser.perform(get(amendPath(reference)).session(wfp))));
        form.put("lines[0].quantity", "260");
        form.put("reason", "from another site");
        Object before = snapshot(instance);

        MockHttpServletRequestBuilder noToken = post(amendPath(reference)).session(wfp);
        form.forEach(noToken::param);
        assertThat(browser.perform(noToken).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.perform(posted(reference, wfp, form).with(csrf().useInvalidToken())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(snapshot(instance)).isEqualTo(before);
    }

    /**
     * Every other user, of every role, opens and posts the amendment of an organisation's case with a
     * valid session and CSRF token: another organisation is told the case does not exist, an official
     * that the portal is not theirs, and the case stays exactly as it was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.reliefclearance.doors.Attackers#users")
    void nobodyButTheConsigneeOpensOrPostsTheAmendment(String user) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(user.equals("wfp"), "the consignee itself: the tests above");
        ProcessInstance instance = awaitingExemption(ClearanceCases.TENTS);
        String reference = instance.getBusinessKey();
        Map<String, String> form = fields(page(browser.perform(get(amendPath(reference)).session(signIn("wfp")))));
        form.put("lines[0].quantity", "999");
        form.put("reason", "not mine");
        Object before = snapshot(instance);
        MockHttpSession session = signIn(user);
        int expected = user.equals("laoredcross") ? 404 : 403;

        assertThat(browser.perform(get(amendPath(reference)).session(session)).andReturn().getResponse().getStatus())
                .as("%s opens", user).isEqualTo(expected);
        assertThat(browser.perform(posted(reference, session, form)).andReturn().getResponse().getStatus())
                .as("%s posts", user).isEqualTo(expected);
        assertThat(browser.perform(posted(reference, session, form).param("addLine", "1")).andReturn().getResponse()
                .getStatus()).as("%s adds a row", user).isEqualTo(expected);
        assertThat(snapshot(instance)).isEqualTo(before);
    }

    /** Tents (or the lines given), endorsed: Customs HQ has yet to decide, no ministry reviews. */
    private ProcessInstance awaitingExemption(NewConsignment.Line... lines) {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, lines));
        cases.endorse(instance);
        return instance;
    }

    /** Medicines and phones, endorsed and approved by both ministries: Customs HQ has yet to decide. */
    private ProcessInstance reviewed() {
        ProcessInstance instance = cases.submit(ClearanceCases.notification("WFP", false, ClearanceCases.MEDICINE,
                ClearanceCases.SATELLITE_PHONE));
        cases.endorse(instance);
        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        cases.review(instance, "MTC", "APPROVE", null, null);
        assertThat(instance).isWaitingAt(Elements.DECIDE_EXEMPTION);
        return instance;
    }

    /** What an amendment could have changed: the consignment, its lines, its timeline and where its case waits. */
    private Object snapshot(ProcessInstance instance) {
        String reference = instance.getBusinessKey();
        return List.of(
                jdbc.sql("""
                        select status, expected_arrival, transport_document_type, transport_document_number, updated_at
                        from consignment where reference = ?""").param(reference).query().singleRow(),
                jdbc.sql("""
                        select l.line_no, l.description, l.hs_code, l.category, l.quantity, l.unit, l.value_usd,
                               l.gross_weight_kg, l.treatment, l.review_status, l.release_number, l.received_quantity
                        from consignment_line l join consignment c on c.id = l.consignment_id
                        where c.reference = ? order by l.line_no""").param(reference).query().listOfRows(),
                jdbc.sql("""
                        select e.event_type, e.actor, e.detail from consignment_event e
                        join consignment c on c.id = e.consignment_id where c.reference = ? order by e.id""")
                        .param(reference).query().listOfRows(),
                engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstanceId(instance.getId()).list()
                        .stream().map(i -> engine.getRuntimeService().getActiveActivityIds(i.getId()).stream().sorted()
                                .toList()).toList(),
                engine.getManagementService().createJobQuery().rootProcessInstanceId(instance.getId()).count());
    }

    private static String amendPath(String reference) {
        return "/portal/consignments/" + reference + "/amend";
    }

    /** The form posted as the browser would: every field as it stands, with the session's CSRF token. */
    private static MockHttpServletRequestBuilder posted(String reference, MockHttpSession session,
                                                        Map<String, String> form) {
        MockHttpServletRequestBuilder post = post(amendPath(reference)).session(session).with(csrf());
        form.forEach(post::param);
        return post;
    }

    /** A row of the lines table as typed. */
    private static Map<String, String> row(int row, String description, String hsCode, String category, String quantity,
                                           String value) {
        String at = "lines[" + row + "].";
        return Map.of(at + "description", description, at + "hsCode", hsCode, at + "category", category,
                at + "quantity", quantity, at + "unit", "PCS", at + "valueUsd", value);
    }

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"[^>]*selected");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);

    /** The fields of the page's form and their values, as a browser would post them (buttons aside). */
    private static Map<String, String> fields(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(page);
        while (input.find()) {
            String name = attribute(input.group(1), "name");
            if (name != null && !name.equals("_csrf")) {
                String value = attribute(input.group(1), "value");
                fields.put(name, value == null ? "" : value);
            }
        }
        Matcher select = SELECT.matcher(page);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            Matcher first = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"").matcher(select.group(2));
            fields.put(attribute(select.group(1), "name"), selected.find() ? selected.group(1)
                    : first.find() ? first.group(1) : "");
        }
        Matcher textarea = TEXTAREA.matcher(page);
        while (textarea.find()) {
            fields.put(attribute(textarea.group(1), "name"), textarea.group(2));
        }
        return fields;
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&") : null;
    }

    private MockHttpSession signIn(String user) throws Exception {
        MvcResult signedIn = browser.perform(formLogin("/portal/login").user(user).password("demo")).andReturn();
        return (MockHttpSession) signedIn.getRequest().getSession(false);
    }

    private static String page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return page(result.andReturn());
    }

    private static String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
