package org.reliefclearance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reliefclearance.clearance.api.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One consignment from the Tasklist start form (MoLSW notifying on WFP's behalf) to release, worked
 * by each official in a real browser, asserting what each of them sees on screen: the goods arrive
 * early, Customs HQ decides the exemption while the ministries still review, and the lines leave in
 * two releases (first the one that needs no permit, then those the ministries approved).
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "relief.customs-system.worker-enabled=true",
                // no customs system: the hand-offs are kept for collection, as on a site without one
                "relief.customs-system.url="})
@ActiveProfiles({"test", "demo"})
class ClearanceJourneyE2ETest {

    private static final String DONOR = "ECHO browser journey";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    ObjectMapper json;

    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() throws Exception {
        tasklist = new Tasklist(Browser.start("lo"), "http://localhost:" + port, "lo");
    }

    @AfterEach
    void closeBrowser() {
        tasklist.close();
    }

    @Test
    void officialsReleaseAnEarlyArrivalLineByLineInTasklist() throws Exception {
        // MoLSW notifies, on WFP's behalf, three lines: a medicine (health), satellite phones (telecoms)
        // and family tents (relief items: no permit). Organisations themselves use the portal.
        tasklist.login("molsw", "demo");
        tasklist.openStartForm("Relief consignment clearance");
        assertThat(tasklist.formText()).contains("ແຈ້ງລ່ວງໜ້າກ່ອນສິນຄ້າມາຮອດ").contains("Port of entry / ດ່ານ")
                .contains("Organisation notified for / ອົງການທີ່ແຈ້ງແທນ");
        assertThat(tasklist.laoGlyphsRender()).as("a Lao font draws Lao text (not missing-glyph boxes)").isTrue();
        tasklist.fill("Field_Organisation", "WFP");
        tasklist.select("Field_PortCode", "Wattay");
        tasklist.select("Field_DestinationProvince", "Vientiane Capital");
        tasklist.date("Field_ExpectedArrival", LocalDate.now(ZoneId.of("Asia/Vientiane")).plusDays(2));
        tasklist.time("Field_ExpectedArrival", "10:30");
        tasklist.select("Field_TransportDocumentType", "Air waybill");
        tasklist.fill("Field_TransportDocumentNumber", "176-12345675");
        tasklist.fill("Field_Donor", DONOR);
        line(1, "Paracetamol 500 mg tablets", "300490", "Medicines", "2000", "boxes", "12000", "800");
        tasklist.check("Field_AddLine2");
        line(2, "Satellite phones", "851714", "Radio and telecom", "20", "pieces", "15000", "40");
        tasklist.check("Field_AddLine3");
        line(3, "Family tents", "630622", "Shelter", "300", "pieces", "45000", "7500");
        tasklist.screenshot("02-start-form-on-behalf");
        tasklist.press("Start");

        String reference = awaitValue(() -> jdbc.sql("select reference from consignment where donor = ?")
                .param(DONOR).query(String.class).optional().orElse(null));
        awaitTask(reference, "Task_EndorseRequest");
        lodgeMissingDocuments(reference);
        assertThat(jdbc.sql("select count(*) from consignment_line l join consignment c on c.id = l.consignment_id"
                + " where c.reference = ? and c.organisation_code = 'WFP' and c.port_code = 'WATTAY'"
                + " and c.destination_province = 'LA-VT'"
                + " and c.created_by = 'molsw'").param(reference).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select e.actor || ': ' || e.detail from consignment_event e join consignment c"
                + " on c.id = e.consignment_id where c.reference = ? and e.event_type = 'NOTIFIED'").param(reference)
                .query(String.class).single()).as("the timeline says who notified for whom")
                .isEqualTo("molsw: Pre-arrival notification received from official molsw on behalf of"
                        + " World Food Programme (WFP); bound for Vientiane Capital (LA-VT)");

        // MoLSW finds the case: its card names it, and any part of the reference finds it.
        tasklist.login("molsw", "demo");
        assertThat(tasklist.taskList()).contains("Endorse request");
        assertThat(tasklist.cards()).as("the card names the case, its deadline in Lao")
                .contains(reference + " · World Food Programme").contains("Paracetamol 500 mg tablets")
                .contains("ພາຍໃນ");
        assertThat(tasklist.bodyText()).as("Tasklist speaks Lao").contains(tasklist.word("Start process"));
        // the case's card ("reference · consignee"), not Just done above the list, which names the
        // case too: MoLSW notified it
        assertThat(tasklist.findByReference(reference.substring(reference.length() - 4)))
                .contains(reference + " · World Food Programme");
        assertThat(tasklist.findByReference("99999999")).doesNotContain(reference + " · ");
        tasklist.screenshot("03-task-list-molsw");
        assertThat(tasklist.taskList()).contains(reference);

        // The Case tab shows where the case waits, what is missing and the dossier, in the same session.
        tasklist.openTask("Endorse request");
        tasklist.openTab("ກໍລະນີ");
        assertThat(tasklist.caseTabText(reference)).contains("ກຳລັງລໍຖ້າ").contains("Endorse request")
                .contains("ປະຫວັດ");
        tasklist.screenshot("03-case-tab");
        String dossier = tasklist.caseTabLink("PDF");
        assertThat(tasklist.fetchFromPage("GET", dossier)).as("the dossier opens without a second login")
                .startsWith("200 application/pdf");
        // the Tasklist session reads, it never acts through /api: a page cannot withdraw the case
        int eventsBefore = events(reference);
        assertThat(tasklist.fetchFromPage("POST", "/api/consignments/" + reference + "/withdrawal")).startsWith("403");
        assertThat(events(reference)).isEqualTo(eventsBefore);
        assertThat(status(reference)).isEqualTo("AWAITING_ENDORSEMENT");
        tasklist.openTab("ແບບຟອມ");
        tasklist.waitForForm();
        assertThat(tasklist.formText()).contains(reference).contains("Paracetamol 500 mg tablets")
                .contains("Satellite phones").contains("Family tents");
        tasklist.screenshot("03-endorse-request");
        tasklist.choose("Decision", "Endorse");
        tasklist.press("Complete");
        awaitTasks(reference, "Task_ReviewPermit", 2);
        awaitTask(reference, "Task_DecideExemption");
        // back in the list, what was just done and what the case waits for now
        tasklist.taskList();
        assertThat(tasklist.recent()).contains(reference).contains("Review permit").contains("Decide exemption");

        // The goods land while the ministries still review: the port reports them at once.
        ResponseEntity<String> arrival = api.withBasicAuth("port-wattay", "demo")
                .postForEntity("/api/consignments/" + reference + "/arrival", null, String.class);
        assertThat(arrival.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(arrival.getBody()).contains("\"status\":\"UNDER_REVIEW\"").containsPattern("\"arrivedAt\":\"20");

        // Customs HQ waives duties and taxes in full before the ministries have decided, on the
        // legal basis the service suggests (chosen again explicitly).
        // On a 1024-pixel screen, every column of the lines, values included, and no label cut off.
        tasklist.windowSize(1024, 768);
        tasklist.login("customs", "demo");
        assertThat(tasklist.taskList()).contains("Decide exemption").doesNotContain("Review permit");
        tasklist.openTask("Decide exemption");
        assertThat(tasklist.formText()).contains(reference).contains("Family tents").contains("45000")
                .contains("Permit required / ");
        assertThat(tasklist.tablesCutOff()).as("lines tables cut off at 1024 px").isZero();
        assertThat(tasklist.clippedLabels()).as("labels clipped at 1024 px").isEmpty();
        assertThat(tasklist.shows("Field_ExemptionLegalBasis")).as("legal basis hidden until a decision").isFalse();
        tasklist.choose("Decision", "Full exemption");
        assertThat(tasklist.chosen("Legal basis")).as("legal basis the service suggests")
                .startsWith("The organisation's agreement with the Government");
        tasklist.choose("Legal basis", "The organisation's agreement with the Government");
        assertThat(tasklist.chosen("Legal basis")).startsWith("The organisation's agreement with the Government");
        tasklist.screenshot("04-decide-exemption");
        tasklist.press("Complete");
        tasklist.windowSize(1400, 1000);

        // The goods are there already: the tents, which need no permit, go to the port at once,
        // while the medicine and the phones still wait for their ministries.
        awaitTask(reference, "Task_ClearAtPort");
        assertThat(tasks.getVariable(task(reference, "Task_ClearAtPort").getId(), "linesToRelease"))
                .as("lines of the first release").isEqualTo("3");
        assertThat(openTasks(reference, "Task_ReviewPermit")).as("both reviews still open").isEqualTo(2);
        awaitStatus(reference, "ARRIVED");

        // Each ministry sees only its own review, with only its own lines, and approves.
        review("moh", "Paracetamol 500 mg tablets", "05-review-permit-health", "Satellite phones", "Family tents");
        review("mtc", "Satellite phones", "06-review-permit-telecoms", "Paracetamol 500 mg tablets", "Family tents");

        // Only then does the port open its task: the release it clears stays the one the task was
        // opened for (the tents); the lines approved meanwhile wait for the next release.
        tasklist.login("port-thanaleng", "demo");
        assertThat(tasklist.taskList()).doesNotContain("Clear at port");
        String first = clearAtPort(reference, "3", "07-clear-at-port-first-release");
        Map<Integer, String> released = awaitReleased(reference, 3);
        assertThat(released).containsExactly(entry(1, null), entry(2, null), entry(3, first));
        awaitStatus(reference, "PARTIALLY_RELEASED");
        JsonNode shown = consignment(reference);
        assertThat(shown.path("status").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(releaseNumbers(shown)).containsExactly(entry(1, null), entry(2, null), entry(3, first));

        // The approved lines make a second release; the tents' release note shows in the lines table.
        String second = clearAtPort(reference, "1, 2", "08-clear-at-port-second-release", first);
        released = awaitReleased(reference, 1, 2, 3);
        assertThat(second).isNotEqualTo(first);
        assertThat(released).containsExactly(entry(1, second), entry(2, second), entry(3, first));
        // released once the customs system has declared it (the hand-off worker runs in the background)
        await(() -> consignment(reference).path("status").asText().matches("RELEASED|AWAITING_DISTRIBUTION_REPORT"));
        shown = consignment(reference);
        assertThat(releaseNumbers(shown)).containsExactly(entry(1, second), entry(2, second), entry(3, first));

        // The coordinator follows the case in Cockpit (read-only).
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("relief-consignment-clearance")
                .latestVersion().singleResult().getId();
        tasklist.login("coordinator", "demo");
        tasklist.cockpit("/process-definition/" + definitionId + "/runtime", "Relief consignment clearance");
        tasklist.screenshot("09-cockpit-clearance-process");
    }

    /**
     * The health ministry's review passes its deadline: its head decides what happens, and the form
     * itself refuses an extension without a new deadline, before anything reaches the server.
     */
    @Test
    void theHeadCannotExtendAnOverdueReviewWithoutANewDeadline() throws Exception {
        String reference = new ApiClient(api).notifyConsignment("wfp");
        awaitTask(reference, "Task_EndorseRequest");
        tasks.complete(task(reference, "Task_EndorseRequest").getId(), Map.of("endorsementDecision", "ENDORSED"));
        awaitTask(reference, "Task_ReviewPermit");
        Task review = task(reference, "Task_ReviewPermit");
        management.executeJob(management.createJobQuery().processInstanceId(review.getProcessInstanceId())
                .activityId("Event_ReviewOverdue").singleResult().getId());
        awaitTask(reference, "Task_DecideOverdueReview");
        String dueBefore = reviewDue(reference);
        int eventsBefore = events(reference);

        tasklist.login("moh-head", "demo");
        assertThat(tasklist.cards()).contains(reference);
        tasklist.openTask("Decide overdue review");
        assertThat(tasklist.shows("Field_NewDeadline")).as("no date asked before extending").isFalse();
        tasklist.choose("Action", "Extend the deadline");
        assertThat(tasklist.formText()).as("what the choice triggers, beside it")
                .contains("the same reviewers decide by the new deadline");
        tasklist.fill("Field_OverdueReason", "The laboratory needs two more days");
        tasklist.pressEvenIfDisabled("Complete");
        assertThat(tasklist.fieldError("Field_NewDeadline")).as("the refusal next to its field").isNotBlank();
        tasklist.scrollTo("Field_NewDeadline");
        tasklist.screenshot("10-overdue-review-without-deadline");
        assertThat(openTasks(reference, "Task_DecideOverdueReview")).as("the task stays open").isEqualTo(1);
        assertThat(reviewDue(reference)).isEqualTo(dueBefore);
        assertThat(events(reference)).isEqualTo(eventsBefore);

        // a date already past: the server's refusal shows next to the field, and nothing changes
        tasklist.date("Field_NewDeadline", LocalDate.now(ZoneId.of("Asia/Vientiane")).minusDays(2));
        tasklist.time("Field_NewDeadline", "16:00");
        tasklist.press("Complete");
        await(() -> "must lie in the future".equals(tasklist.fieldError("Field_NewDeadline")));
        assertThat(openTasks(reference, "Task_DecideOverdueReview")).isEqualTo(1);
        assertThat(reviewDue(reference)).isEqualTo(dueBefore);
        assertThat(events(reference)).isEqualTo(eventsBefore);

        // with a date ahead, the same reviewers get until then
        LocalDate newDay = LocalDate.now(ZoneId.of("Asia/Vientiane")).plusDays(3);
        tasklist.date("Field_NewDeadline", newDay);
        tasklist.time("Field_NewDeadline", "16:00");
        tasklist.press("Complete");
        awaitTask(reference, "Task_ReviewPermit");
        assertThat(reviewDue(reference)).isNotEqualTo(dueBefore);
    }

    private String reviewDue(String reference) {
        return jdbc.sql("select r.due_at from authority_review r join consignment c on c.id = r.consignment_id"
                + " where c.reference = ?").param(reference).query(String.class).single();
    }

    /**
     * Wattay customs clears the lines of this release and releases them on arrival; returns the
     * release number issued for them.
     */
    private String clearAtPort(String reference, String lines, String screenshot, String... releasedBefore)
            throws Exception {
        awaitTask(reference, "Task_ClearAtPort");
        assertThat(tasks.getVariable(task(reference, "Task_ClearAtPort").getId(), "linesToRelease"))
                .as("lines of this release").isEqualTo(lines);
        tasklist.login("port-wattay", "demo");
        assertThat(tasklist.taskList()).contains("Clear at port");
        tasklist.openTask("Clear at port");
        assertThat(tasklist.formText()).contains(reference).contains("Wattay")
                .contains("This release / ການປ່ອຍຄັ້ງນີ້").containsPattern("lines " + lines + "(?![,\\d])")
                .contains("Release / ໃບປ່ອຍ");
        for (String earlier : releasedBefore) {
            assertThat(tasklist.formText()).as("earlier release in the lines table").contains(earlier);
        }
        assertThat(tasklist.clippedLabels()).as("labels clipped at the port").isEmpty();
        tasklist.choose("Decision", "Release on arrival");
        // the risk assessment may recommend an examination (the organisation's first consignment
        // before any line of it is released): releasing anyway then takes a reason, which the form
        // asks only in that case
        if (tasklist.formText().contains("examination recommended")) {
            tasklist.fill("Field_ReleaseReason", "Sealed pallets as notified, lines " + lines + " checked on the manifest");
        } else {
            assertThat(tasklist.shows("Field_ReleaseReason")).isFalse();
        }
        tasklist.screenshot(screenshot);
        tasklist.press("Complete");
        Map<Integer, String> released = awaitReleased(reference,
                Arrays.stream(lines.split(", ")).mapToInt(Integer::parseInt).toArray());
        String releaseNumber = released.get(Integer.parseInt(lines.split(", ")[0]));
        // the officer sees the release note number where they look next: above their list
        tasklist.taskList();
        assertThat(tasklist.recent()).contains(reference).contains(releaseNumber);
        return releaseNumber;
    }

    /** Each line's release number, once the given lines have one. */
    private Map<Integer, String> awaitReleased(String reference, int... lineNos) {
        return waiting().until(() -> {
            Map<Integer, String> byLine = new TreeMap<>();
            jdbc.sql("select l.line_no, l.release_number from consignment_line l join consignment c on c.id = l.consignment_id"
                            + " where c.reference = ?").param(reference)
                    .query(rs -> {
                        byLine.put(rs.getInt(1), rs.getString(2));
                    });
            return byLine;
        }, byLine -> Arrays.stream(lineNos).allMatch(n -> byLine.get(n) != null));
    }

    /** The consignment as its consignee reads it through the API. */
    private JsonNode consignment(String reference) throws Exception {
        ResponseEntity<String> shown = api.withBasicAuth("wfp", "demo")
                .getForEntity("/api/consignments/" + reference, String.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(shown.getBody());
    }

    private static Map<Integer, String> releaseNumbers(JsonNode consignment) {
        Map<Integer, String> byLine = new TreeMap<>();
        consignment.path("lines").forEach(l -> byLine.put(l.path("lineNo").asInt(),
                l.path("releaseNumber").isTextual() ? l.path("releaseNumber").asText() : null));
        return byLine;
    }

    private Task task(String reference, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult();
        return task != null ? task : tasks.createTaskQuery().taskDefinitionKey(taskKey)
                .processVariableValueEquals("consignmentReference", reference).singleResult();
    }

    /** The consignee's system lodges every document the goods need: the port releases nothing without them. */
    private void lodgeMissingDocuments(String reference) throws Exception {
        JsonNode consignment = new ObjectMapper().readTree(api.withBasicAuth("wfp", "demo")
                .getForEntity("/api/consignments/" + reference, String.class).getBody());
        for (JsonNode type : consignment.path("documents").path("missing")) {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("type", type.asText());
            form.add("file", new ByteArrayResource(ApiClient.PDF) {
                @Override
                public String getFilename() {
                    return type.asText().toLowerCase() + ".pdf";
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            assertThat(api.withBasicAuth("wfp", "demo").postForEntity("/api/consignments/" + reference + "/documents",
                    new HttpEntity<>(form, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    private void line(int slot, String description, String hsCode, String category, String quantity, String unit,
                      String value, String weight) {
        String field = "Field_Line" + slot;
        tasklist.fill(field + "Description", description);
        tasklist.fill(field + "HsCode", hsCode);
        tasklist.select(field + "Category", category);
        tasklist.fill(field + "Quantity", quantity);
        tasklist.select(field + "Unit", unit);
        tasklist.fill(field + "ValueUsd", value);
        tasklist.fill(field + "GrossWeightKg", weight);
    }

    private void review(String user, String ownLine, String screenshot, String... otherLines) throws Exception {
        tasklist.login(user, "demo");
        String list = tasklist.taskList();
        assertThat(list.split("Review permit", -1)).as("one review for %s", user).hasSize(2);
        assertThat(list).doesNotContain("Endorse request");
        tasklist.openTask("Review permit");
        assertThat(tasklist.formText()).contains(ownLine).doesNotContain(otherLines)
                .contains("Documents lodged", "Still missing", "Import permit");
        assertThat(tasklist.clippedLabels()).as("labels clipped in %s's review", user).isEmpty();
        tasklist.choose("Decision", "Approve all lines");
        tasklist.fill("Field_PermitNumber", user.toUpperCase() + "-2026-0417");
        tasklist.screenshot(screenshot);
        tasklist.press("Complete");
    }

    private void awaitTask(String reference, String taskKey) {
        awaitTasks(reference, taskKey, 1);
    }

    private void awaitTasks(String reference, String taskKey, int count) {
        await(() -> openTasks(reference, taskKey) == count);
    }

    /** Tasks of the case itself (business key) or of its review subprocesses (their reference variable). */
    private long openTasks(String reference, String taskKey) {
        return Math.max(tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).count(),
                tasks.createTaskQuery().taskDefinitionKey(taskKey)
                        .processVariableValueEquals("consignmentReference", reference).count());
    }

    private int events(String reference) {
        return jdbc.sql("select count(*) from consignment_event e join consignment c on c.id = e.consignment_id"
                + " where c.reference = ?").param(reference).query(Integer.class).single();
    }

    private String status(String reference) {
        return jdbc.sql("select status from consignment where reference = ?").param(reference).query(String.class).single();
    }

    private void awaitStatus(String reference, String status) {
        await(() -> status.equals(jdbc.sql("select status from consignment where reference = ?")
                .param(reference).query(String.class).single()));
    }

    private static void await(Callable<Boolean> condition) {
        waiting().until(condition);
    }

    private static <T> T awaitValue(Callable<T> value) {
        return waiting().until(value, Objects::nonNull);
    }

    /** The case moves on in the job executor, behind the browser. */
    private static ConditionFactory waiting() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300));
    }
}
