package org.reliefclearance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * One consignment from the Tasklist start form to release, worked by each official in a
 * real browser, asserting what each of them sees on screen.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=true")
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

    private Tasklist tasklist;

    @BeforeEach
    void openBrowser() throws Exception {
        tasklist = new Tasklist(Browser.start("lo"), "http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        tasklist.close();
    }

    @Test
    void officialsTakeAConsignmentFromNotificationToReleaseInTasklist() throws Exception {
        // The organisation notifies two lines: a medicine (health) and satellite phones (telecoms).
        tasklist.login("wfp", "demo");
        tasklist.openStartForm("Relief consignment clearance");
        assertThat(tasklist.formText()).contains("ແຈ້ງລ່ວງໜ້າກ່ອນສິນຄ້າມາຮອດ").contains("Port of entry / ດ່ານ");
        assertThat(tasklist.laoGlyphsRender()).as("a Lao font draws Lao text (not missing-glyph boxes)").isTrue();
        tasklist.select("Field_PortCode", "Wattay");
        tasklist.date("Field_ExpectedArrival", LocalDate.now(ZoneId.of("Asia/Vientiane")).plusDays(2));
        tasklist.time("Field_ExpectedArrival", "10:30");
        tasklist.select("Field_TransportDocumentType", "Air waybill");
        tasklist.fill("Field_TransportDocumentNumber", "176-12345675");
        tasklist.fill("Field_Donor", DONOR);
        line(1, "Paracetamol 500 mg tablets", "300490", "Medicines", "2000", "boxes", "12000", "800");
        tasklist.check("Field_AddLine2");
        line(2, "Satellite phones", "851714", "Radio and telecom", "20", "pieces", "15000", "40");
        tasklist.screenshot("02-start-form-organisation");
        tasklist.press("Start");

        String reference = awaitValue(() -> jdbc.sql("select reference from consignment where donor = ?")
                .param(DONOR).query(String.class).optional().orElse(null));
        awaitTask(reference, "Task_EndorseRequest");
        assertThat(jdbc.sql("select count(*) from consignment_line l join consignment c on c.id = l.consignment_id"
                + " where c.reference = ? and c.organisation_code = 'WFP' and c.port_code = 'WATTAY'")
                .param(reference).query(Integer.class).single()).isEqualTo(2);

        // MoLSW endorses.
        tasklist.login("molsw", "demo");
        assertThat(tasklist.taskList()).contains("Endorse request");
        tasklist.openTask("Endorse request");
        assertThat(tasklist.formText()).contains(reference).contains("Paracetamol 500 mg tablets")
                .contains("Satellite phones");
        tasklist.screenshot("03-endorse-request");
        tasklist.choose("Decision", "Endorse");
        tasklist.press("Complete");
        awaitTasks(reference, "Task_ReviewPermit", 2);

        // The goods land while the ministries still review: the port reports them at once.
        ResponseEntity<String> arrival = api.withBasicAuth("port-wattay", "demo")
                .postForEntity("/api/consignments/" + reference + "/arrival", null, String.class);
        assertThat(arrival.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(arrival.getBody()).contains("\"status\":\"UNDER_REVIEW\"").containsPattern("\"arrivedAt\":\"20");

        // Each ministry sees only its own review, with only its own lines, and approves.
        review("moh", "Paracetamol 500 mg tablets", "Satellite phones", "04-review-permit-health");
        review("mtc", "Satellite phones", "Paracetamol 500 mg tablets", "05-review-permit-telecoms");
        awaitTask(reference, "Task_DecideExemption");

        // Customs HQ waives duties and taxes in full.
        tasklist.login("customs", "demo");
        assertThat(tasklist.taskList()).contains("Decide exemption").doesNotContain("Review permit");
        tasklist.openTask("Decide exemption");
        assertThat(tasklist.formText()).contains(reference);
        tasklist.choose("Decision", "Full exemption");
        tasklist.screenshot("06-decide-exemption");
        tasklist.press("Complete");

        // The goods are there already: the case goes straight to the port, which releases on arrival.
        awaitTask(reference, "Task_ClearAtPort");
        awaitStatus(reference, "ARRIVED");
        tasklist.login("port-thanaleng", "demo");
        assertThat(tasklist.taskList()).doesNotContain("Clear at port");
        tasklist.login("port-wattay", "demo");
        assertThat(tasklist.taskList()).contains("Clear at port");
        tasklist.openTask("Clear at port");
        assertThat(tasklist.formText()).contains(reference).contains("Wattay");
        tasklist.choose("Decision", "Release on arrival");
        // a first consignment is recommended for examination: releasing it anyway takes a reason
        tasklist.fill("Field_ReleaseReason", "Sealed pallets as notified, paracetamol and phones checked on the manifest");
        tasklist.screenshot("07-clear-at-port");
        tasklist.press("Complete");

        String released = awaitValue(() -> jdbc.sql("select release_number from consignment where reference = ?")
                .param(reference).query(String.class).optional().orElse(null));
        ResponseEntity<String> shown = api.withBasicAuth("wfp", "demo")
                .getForEntity("/api/consignments/" + reference, String.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody()).contains(released).containsPattern("\"status\":\"(RELEASED|AWAITING_DISTRIBUTION_REPORT)\"");

        // The coordinator follows the case in Cockpit (read-only).
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("relief-consignment-clearance")
                .latestVersion().singleResult().getId();
        tasklist.login("coordinator", "demo");
        tasklist.cockpit("/process-definition/" + definitionId + "/runtime", "Relief consignment clearance");
        tasklist.screenshot("08-cockpit-clearance-process");
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

    private void review(String user, String ownLine, String otherLine, String screenshot) throws Exception {
        tasklist.login(user, "demo");
        String list = tasklist.taskList();
        assertThat(list.split("Review permit", -1)).as("one review for %s", user).hasSize(2);
        assertThat(list).doesNotContain("Endorse request");
        tasklist.openTask("Review permit");
        assertThat(tasklist.formText()).contains(ownLine).doesNotContain(otherLine)
                .contains("Documents lodged", "Still missing", "Import permit");
        tasklist.choose("Decision", "Approve all lines");
        tasklist.fill("Field_PermitNumber", user.toUpperCase() + "-2026-0417");
        tasklist.screenshot(screenshot);
        tasklist.press("Complete");
    }

    private void awaitTask(String reference, String taskKey) {
        awaitTasks(reference, taskKey, 1);
    }

    private void awaitTasks(String reference, String taskKey, int count) {
        await(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).count()
                == count || tasks.createTaskQuery().taskDefinitionKey(taskKey)
                .processVariableValueEquals("consignmentReference", reference).count() == count);
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
