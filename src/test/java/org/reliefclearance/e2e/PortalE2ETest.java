package org.reliefclearance.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Lao Red Cross logistician on a phone: the portal at 360 pixels in Chromium, in Lao, typed into
 * with the keyboard. Notifies two lines after fixing the HS code the summary points to, and reads
 * the case that started.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "relief.customs-system.worker-enabled=true",
                "relief.customs-system.url="})
@ActiveProfiles({"test", "demo"})
class PortalE2ETest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void phone() throws Exception {
        driver = Browser.start("lo");
        driver.manage().window().setSize(new Dimension(360, 740));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        driver.quit();
    }

    @Test
    void aLogisticianNotifiesFromAPhoneInLao() throws Exception {
        driver.get("http://localhost:" + port + "/portal");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("laoredcross");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/portal$"));
        driver.findElement(By.linkText("ແຈ້ງສິນຄ້າ")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("portOfEntry")));
        assertThat(unlabelled()).as("every field has a label").isEmpty();
        new Select(driver.findElement(By.id("portOfEntry"))).selectByValue("THANALENG");
        new Select(driver.findElement(By.id("destinationProvince"))).selectByValue("LA-VT");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("expectedArrival")), LocalDateTime.now(ZoneId.of("Asia/Vientiane"))
                        .plusDays(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        new Select(driver.findElement(By.id("transportDocumentType"))).selectByValue("CMR");
        driver.findElement(By.id("transportDocumentNumber")).sendKeys("CMR-2026-0042");
        line(0, "Rice, 25 kg bags", "100630", "FOOD", "400", "12000");
        line(1, "Jerrycans", "39232", "WATER_SANITATION", "1000", "3000");
        driver.findElement(By.id("lines-1-valueUsd")).submit();

        // the summary names the line and field; its link leads to the field
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(summary.getText()).contains("ລາຍການ 2 · ລະຫັດ HS");
        summary.findElement(By.tagName("a")).click();
        WebElement hsCode = driver.findElement(By.id("lines-1-hsCode"));
        assertThat(hsCode.getDomAttribute("aria-invalid")).isEqualTo("true");
        hsCode.clear();
        hsCode.sendKeys("392310");
        Browser.screenshot(driver, "11-portal-notify-phone");
        assertThat(horizontalOverflow()).as("nothing wider than the phone").isFalse();
        hsCode.submit();

        wait.until(ExpectedConditions.urlContains("?notified"));
        String reference = driver.getCurrentUrl().replaceAll(".*/consignments/([^?#]+).*", "$1");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(reference).contains("ກຳລັງລໍຖ້າ");
        assertThat(horizontalOverflow()).isFalse();
        Browser.screenshot(driver, "12-portal-case-phone");
        assertThat(jdbc.sql("select count(*) from consignment_line l join consignment c on c.id = l.consignment_id"
                + " where c.reference = ? and c.organisation_code = 'LRC' and c.port_code = 'THANALENG'")
                .param(reference).query(Integer.class).single()).isEqualTo(2);

        // a scan larger than the server reads: back on the case, the limits named, nothing stored
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("scan", ".pdf");
        byte[] big = new byte[12 * 1024 * 1024];
        byte[] pdf = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        java.nio.file.Files.write(scan, big);
        driver.findElement(By.id("document-file")).sendKeys(scan.toString());
        driver.findElement(By.cssSelector("#document button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("tooLarge"));
        assertThat(driver.getCurrentUrl()).contains("/portal/consignments/" + reference);
        assertThat(driver.findElement(By.cssSelector("p.problem[role=alert]")).getText()).contains("10 MB").contains("11 MB");
        assertThat(jdbc.sql("select count(*) from consignment_document d join consignment c on c.id = d.consignment_id"
                + " where c.reference = ?").param(reference).query(Integer.class).single()).isZero();
    }

    private void line(int row, String description, String hsCode, String category, String quantity, String value) {
        driver.findElement(By.id("lines-" + row + "-description")).sendKeys(description);
        driver.findElement(By.id("lines-" + row + "-hsCode")).sendKeys(hsCode);
        new Select(driver.findElement(By.id("lines-" + row + "-category"))).selectByValue(category);
        driver.findElement(By.id("lines-" + row + "-quantity")).sendKeys(quantity);
        driver.findElement(By.id("lines-" + row + "-valueUsd")).sendKeys(value);
    }

    @SuppressWarnings("unchecked")
    private List<String> unlabelled() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]"
                        + ".filter(e => !e.labels || e.labels.length === 0).map(e => e.name || e.id);");
    }

    private boolean horizontalOverflow() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }
}
