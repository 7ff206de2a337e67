package org.reliefclearance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.clearance.ClearanceCases;
import org.reliefclearance.clearance.api.ApiClient;
import org.reliefclearance.review.LineMinistryReview;
import org.reliefclearance.review.ReviewDecision;
import org.reliefclearance.words.Vocabulary;
import org.reliefclearance.words.Words;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organisation's whole case in the portal, in Chromium, in English on a desktop and in Lao on a
 * phone: 30 lines from a CSV packing list and the documents in one notification, an answer to the Ministry of Health's
 * question, the goods reported arrived while the ministry still reviews, a partial release, the
 * rest released, and the distribution reported. The officials' side runs through the engine (their
 * Tasklist is ClearanceJourneyE2ETest's). Every page passes axe-core's WCAG A/AA rules with no
 * serious or critical violation.
 */
@Tag("e2e")
@ServiceTest
class PortalJourneyE2ETest {

    static final int LINES = 30;
    static final List<Integer> MEDICINE_LINES = List.of(29, 30);
    static final List<String> WITH_THE_NOTIFICATION = List.of("TRANSPORT_DOCUMENT", "PACKING_LIST", "PROFORMA_INVOICE",
            "DONATION_CERTIFICATE");
    static final By LINE_ROWS = By.cssSelector("input[id^='lines-'][id$='-description']");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClearanceCases cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Vocabulary vocabulary;

    private WebDriver driver;
    private WebDriverWait wait;
    private Words words;
    private String screen;

    static Stream<Arguments> screens() {
        return Stream.of(Arguments.of("en", "desktop", 1280, 900), Arguments.of("lo", "phone", 360, 740));
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest(name = "{0} on a {1}")
    @MethodSource("screens")
    void anOrganisationFollowsItsCaseFromPackingListToDistribution(String language, String screen, int width,
                                                                   int height) throws Exception {
        this.screen = language + "-" + screen;
        driver = Browser.start(language);
        driver.manage().window().setSize(new Dimension(width, height));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        words = vocabulary.in(Locale.forLanguageTag(language));

        open("/portal");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        accessible("sign-in");
        driver.findElement(By.id("username")).sendKeys("wfp");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/portal$"));
        accessible("consignments");

        // 30 lines from the packing list, then the transport details
        driver.findElement(By.linkText(words.text("portal.notify"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("packingList")))
                .sendKeys(packingList().toString());
        driver.findElement(By.name("readPackingList")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(LINE_ROWS, LINES));
        assertThat(driver.findElement(By.id("lines-28-description")).getDomProperty("value"))
                .isEqualTo("Amoxicillin 500 mg capsules, box of 100");
        new Select(driver.findElement(By.id("portOfEntry"))).selectByValue("WATTAY");
        new Select(driver.findElement(By.id("destinationProvince"))).selectByValue("LA-VT");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("expectedArrival")), LocalDateTime.now(ZoneId.of("Asia/Vientiane"))
                        .plusDays(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        new Select(driver.findElement(By.id("transportDocumentType"))).selectByValue("AIR_WAYBILL");
        driver.findElement(By.id("transportDocumentNumber")).sendKeys("157-" + System.nanoTime() % 100000000);
        // rows for the four documents first (a post back cannot keep chosen files), then the files
        for (int row = 1; row < WITH_THE_NOTIFICATION.size(); row++) {
            driver.findElement(By.name("addDocument")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("documents-" + row + "-file")));
        }
        assertThat(driver.findElements(LINE_ROWS)).as("the lines stay as read").hasSize(LINES);
        for (int row = 0; row < WITH_THE_NOTIFICATION.size(); row++) {
            new Select(driver.findElement(By.id("documents-" + row + "-type"))).selectByValue(WITH_THE_NOTIFICATION.get(row));
            driver.findElement(By.id("documents-" + row + "-file")).sendKeys(pdf(WITH_THE_NOTIFICATION.get(row)).toString());
        }
        accessible("notify");
        Browser.screenshot(driver, "portal-notify-" + this.screen);
        driver.findElement(By.cssSelector("button.primary")).click();

        wait.until(ExpectedConditions.urlContains("?notified"));
        String reference = driver.getCurrentUrl().replaceAll(".*/consignments/([^?#]+).*", "$1");
        assertThat(jdbc.sql("select count(*) from consignment_line l join consignment c on c.id = l.consignment_id"
                + " where c.reference = ? and c.organisation_code = 'WFP'").param(reference).query(Integer.class)
                .single()).isEqualTo(LINES);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("relief-consignment-clearance").singleResult();
        cases.runJobs(instance);

        assertThat(documentTypes(reference)).as("lodged with the notification")
                .containsExactlyInAnyOrderElementsOf(WITH_THE_NOTIFICATION);

        // MoLSW endorses, Customs HQ waives the duties, the Ministry of Health asks a question
        cases.endorse(instance);
        cases.decideExemption(instance, "FULL", null, null);
        String question = "Send the certificate of analysis of the amoxicillin batch";
        askAsMinistryOfHealth(instance, question);

        open("/portal/consignments/" + reference);
        assertThat(body()).contains(question);
        driver.findElement(By.id("response-MOH_FDD")).sendKeys("Batch 24-117 analysed by the manufacturer;"
                + " the certificate is lodged with the import permit.");
        new Select(driver.findElement(By.id("information-type-MOH_FDD"))).selectByValue("CERTIFICATE_OF_ANALYSIS");
        driver.findElement(By.id("information-file-MOH_FDD")).sendKeys(pdf("certificate-of-analysis").toString());
        accessible("answer");
        submit(By.cssSelector("#information button[type=submit]"));
        cases.runJobs(instance);
        assertThat(eventTypes(reference)).contains("INFORMATION_PROVIDED");
        assertThat(documentTypes(reference)).as("the answer's document").contains("CERTIFICATE_OF_ANALYSIS");
        lodge("IMPORT_PERMIT");

        // the goods land early: the ministry still reviews the medicine
        submit(By.cssSelector("#arrival button"));
        cases.runJobs(instance);
        assertThat(status(reference)).isEqualTo("ARRIVED");
        assertThat(body()).contains(words.text("case.arrived", "").trim())
                .contains(words.text("case.line.review"));

        // the port releases what needs no permit; the medicine waits
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(status(reference)).isEqualTo("PARTIALLY_RELEASED");
        String firstRelease = releaseOf(reference, 1);
        open("/portal/consignments/" + reference);
        assertThat(body()).contains(words.status("PARTIALLY_RELEASED")).contains(firstRelease)
                .contains(words.text("case.line.released", firstRelease));
        accessible("partly-released");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('case-lines').scrollIntoView()");
        Browser.screenshot(driver, "portal-partly-released-" + this.screen);
        MEDICINE_LINES.forEach(line -> assertThat(releaseOf(reference, line)).isNull());

        // the ministry approves, the rest leaves; the organisation reports where the goods went
        cases.review(instance, "MOH_FDD", "APPROVE", null, null);
        cases.clearAtPort(instance, "RELEASE", null);
        assertThat(status(reference)).isEqualTo("AWAITING_DISTRIBUTION_REPORT");
        open("/portal/consignments/" + reference);
        driver.findElement(By.id("distribution")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")))
                .sendKeys("Tents and jerrycans to 1,200 households; medicine to the district hospitals.");
        assertThat(driver.findElements(By.cssSelector("select[id^='rows-'][id$='-line']"))).as("a row per line to start")
                .hasSize(LINES);
        location(0, "150", "LA-AT", "Sanamxay district, Ban Hinlat camp");
        location(28, "1200", "LA-AT", "Sanamxay district hospital");
        driver.findElement(By.name("addRow")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("select[id^='rows-'][id$='-line']"), LINES + 1));
        new Select(driver.findElement(By.id("rows-" + LINES + "-line"))).selectByValue("1");
        location(LINES, "50", "LA-CH", "Pakse, provincial Red Cross warehouse");
        accessible("distribution");
        Browser.screenshot(driver, "portal-distribution-" + this.screen);
        submit(By.cssSelector("button.primary"));
        cases.runJobs(instance);
        assertThat(jdbc.sql("""
                select l.line_no, l.quantity, l.province_code from distribution_report_line l
                join distribution_report r on r.id = l.report_id join consignment c on c.id = r.consignment_id
                where c.reference = ?""").param(reference).query((rs, n) -> rs.getInt(1) + "="
                        + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + "@" + rs.getString(3)).list())
                .containsExactlyInAnyOrder("1=150@LA-AT", "1=50@LA-CH", "29=1200@LA-AT");
        assertThat(eventTypes(reference)).contains("DISTRIBUTION_REPORTED");
        assertThat(body()).contains(words.event("DISTRIBUTION_REPORTED")).contains("Pakse, provincial Red Cross warehouse");
        Browser.screenshot(driver, "portal-distributed-" + this.screen);
        if (width <= 400) {
            assertThat(horizontalOverflow()).as("nothing wider than the phone").isFalse();
        }
    }

    /** 28 relief items that need no permit and two lines of medicine for the Ministry of Health. */
    private static Path packingList() throws Exception {
        String rows = IntStream.rangeClosed(1, LINES).mapToObj(i -> switch (i) {
            case 29 -> "\"Amoxicillin 500 mg capsules, box of 100\",300410,MEDICINE,1200,BOX,4800,600";
            case 30 -> "Oral rehydration salts,300490,MEDICINE,5000,PCS,2500,300";
            default -> i % 2 == 0 ? "Family tent model " + i + ",630622,SHELTER,200,PCS,30000,4000"
                    : "Jerrycan 20 l batch " + i + ",392310,WATER_SANITATION,1000,PCS,3000,900";
        }).collect(Collectors.joining("\n"));
        Path file = Files.createTempFile("packing-list", ".csv");
        Files.writeString(file, "Description,HS code,Category,Quantity,Unit,Value USD,Gross weight kg\n" + rows + "\n");
        return file;
    }

    private static Path pdf(String name) throws Exception {
        Path pdf = Files.createTempFile(name.toLowerCase(), ".pdf");
        Files.write(pdf, ApiClient.PDF);
        return pdf;
    }

    /**
     * Presses a form's button and waits for the page that answers it: the page before may already
     * say "Done", so the answer is known by the old page going away, then by its own message.
     */
    private void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        wait.until(d -> gone(page));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.done")));
    }

    /**
     * The old page is gone. Caught in the middle of the navigation, Chromium answers for a detached
     * node with "does not belong to the document" rather than a stale element: gone all the same.
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void lodge(String type) throws Exception {
        new Select(driver.findElement(By.id("document-type"))).selectByValue(type);
        driver.findElement(By.id("document-file")).sendKeys(pdf(type).toString());
        submit(By.cssSelector("#document button[type=submit]"));
    }

    private void location(int row, String quantity, String province, String place) {
        driver.findElement(By.id("rows-" + row + "-quantity")).sendKeys(quantity);
        new Select(driver.findElement(By.id("rows-" + row + "-province"))).selectByValue(province);
        driver.findElement(By.id("rows-" + row + "-place")).sendKeys(place);
    }

    private void askAsMinistryOfHealth(ProcessInstance instance, String question) {
        ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .variableValueEquals(LineMinistryReview.Vars.AUTHORITY.name(), "MOH_FDD").singleResult();
        Task task = tasks.createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey(LineMinistryReview.Elements.REVIEW_PERMIT).singleResult();
        identity.setAuthentication("moh", List.of("moh-fdd"));
        try {
            tasks.complete(task.getId(), Map.of(
                    LineMinistryReview.Vars.REVIEW_DECISION.name(), ReviewDecision.REQUEST_INFORMATION.name(),
                    LineMinistryReview.Vars.INFORMATION_REQUEST.name(), question));
        } finally {
            identity.clearAuthentication();
        }
        cases.runJobs(instance);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private void accessible(String page) {
        assertThat(Accessibility.seriousViolations(driver)).as("axe-core on %s (%s)", page, screen).isEmpty();
    }

    private boolean horizontalOverflow() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    private String status(String reference) {
        return jdbc.sql("select status from consignment where reference = ?").param(reference).query(String.class).single();
    }

    private String releaseOf(String reference, int lineNo) {
        return jdbc.sql("select l.release_number from consignment_line l join consignment c on c.id = l.consignment_id"
                + " where c.reference = ? and l.line_no = ?").params(reference, lineNo).query(String.class).optional()
                .orElse(null);
    }

    private List<String> eventTypes(String reference) {
        return jdbc.sql("select e.event_type from consignment_event e join consignment c on c.id = e.consignment_id"
                + " where c.reference = ?").param(reference).query(String.class).list();
    }

    private List<String> documentTypes(String reference) {
        return jdbc.sql("select d.document_type from consignment_document d join consignment c on c.id = d.consignment_id"
                + " where c.reference = ?").param(reference).query(String.class).list();
    }
}
