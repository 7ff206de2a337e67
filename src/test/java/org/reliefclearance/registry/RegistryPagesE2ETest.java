package org.reliefclearance.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reliefclearance.ServiceTest;
import org.reliefclearance.e2e.Accessibility;
import org.reliefclearance.e2e.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's pages in Chromium: an administrator adds a port (a bad code is shown beside its
 * field first) and sets its hours; a MoLSW official suspends an organisation. Each change is in the
 * tables, the groups follow, and every page passes axe-core's WCAG A/AA rules.
 */
@Tag("e2e")
@ServiceTest
class RegistryPagesE2ETest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate http;

    private WebDriver driver;
    private WebDriverWait wait;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anAdministratorAddsAPortAndMolswSuspendsAnOrganisation() throws Exception {
        new RegistryClient(http).put(RegistryClient.ADMIN, "/organisations/MEKONG_AID", Map.of("name", "Mekong Aid",
                "kind", "INGO", "status", "REGISTERED", "mouValidUntil", "2032-12-31"));
        driver = Browser.start("en");
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));

        signIn("admin", "admin");
        accessible("registry");

        // a bad code is named beside its field, and nothing is added
        type("port-code", "huay xai");
        type("port-name", "Houayxay Mekong port");
        new Select(driver.findElement(By.id("port-kind"))).selectByValue("RIVER");
        driver.findElement(By.cssSelector("form[action$='/registry/ports'] button[type=submit]")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("port-code-error")));
        assertThat(error.getText()).contains("capital letters");
        assertThat(driver.findElement(By.id("port-code")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("port-name")).getDomProperty("value")).isEqualTo("Houayxay Mekong port");
        accessible("registry with an error");
        assertThat(jdbc.sql("select count(*) from port where name = 'Houayxay Mekong port'").query(Long.class).single())
                .isZero();

        type("port-code", "HOUAYXAY");
        driver.findElement(By.cssSelector("form[action$='/registry/ports'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/registry/ports/HOUAYXAY"));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Saved");
        accessible("port");
        assertThat(jdbc.sql("select customs_group from port where code = 'HOUAYXAY'").query(String.class).single())
                .isEqualTo("customs-port-houayxay");
        assertThat(identity.createGroupQuery().groupId("customs-port-houayxay").count()).isEqualTo(1);

        // Monday to Friday, 08:00 to 16:30
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            time("opens-" + day, "08:00");
            time("closes-" + day, "16:30");
        }
        driver.findElement(By.cssSelector("form[action*='/hours'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("hoursSaved"));
        assertThat(jdbc.sql("select count(*) from port_operating_hours where port_code = 'HOUAYXAY'").query(Long.class)
                .single()).isEqualTo(5);
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("16:30").contains("admin");
        signOut();

        // MoLSW suspends the organisation on its page
        signIn("molsw", "demo");
        assertThat(driver.findElements(By.cssSelector("form[action$='/registry/ports']"))).as("MoLSW adds no port")
                .isEmpty();
        driver.findElement(By.linkText("MEKONG_AID")).click();
        wait.until(ExpectedConditions.urlContains("/registry/organisations/MEKONG_AID"));
        accessible("organisation");
        new Select(driver.findElement(By.id("organisation-status"))).selectByValue("SUSPENDED");
        driver.findElement(By.cssSelector("form[action$='/registry/organisations/MEKONG_AID'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("saved"));
        assertThat(jdbc.sql("select status from organisation where code = 'MEKONG_AID'").query(String.class).single())
                .isEqualTo("SUSPENDED");
        assertThat(jdbc.sql("select changed_by from registry_change where entity = 'ORGANISATION'"
                + " and entry_key = 'MEKONG_AID' order by id desc fetch first 1 rows only").query(String.class).single())
                .isEqualTo("molsw");
        assertThat(driver.findElement(By.id("history")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("SUSPENDED").contains("molsw");
        Browser.screenshot(driver, "registry-organisation");
    }

    private void signIn(String user, String password) {
        open("/registry");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        accessible("sign-in");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/registry$"));
    }

    private void signOut() {
        driver.findElement(By.cssSelector("form[action$='/registry/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("signedOut"));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A time input's value as the browser's own picker would set it (typing depends on the locale). */
    private void time(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private void accessible(String page) {
        assertThat(Accessibility.seriousViolations(driver)).as("axe-core on %s", page).isEmpty();
    }

}
