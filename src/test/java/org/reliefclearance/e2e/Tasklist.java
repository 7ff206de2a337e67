package org.reliefclearance.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in Camunda Tasklist, as browser steps.
 *
 * <p>The webapps serve a sandboxing Content-Security-Policy under which chromedriver's
 * synthetic key and mouse input does not arrive, so fields are set and buttons pressed
 * through the DOM events the page listens to (input, change, blur, mousedown, click).
 */
final class Tasklist {

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;
    /** Text typed into the open form, by component: checked again before the form is submitted. */
    private final Map<String, String> typed = new LinkedHashMap<>();

    Tasklist(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void login(String user, String password) throws IOException {
        // a fresh page load: the single-page app would otherwise keep the previous user's view
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/login");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        type(name, user);
        type(driver.findElement(By.cssSelector("input[ng-model=password]")), password);
        click(driver.findElement(By.cssSelector("button[type=submit]")));
        waitForText("My group's tasks");
    }

    /** Opens a Cockpit route; the webapps share the login session, so log in through Tasklist first. */
    void cockpit(String route, String expectedText) throws IOException {
        driver.get(baseUrl + "/camunda/app/cockpit/default/#" + route);
        waitForText(expectedText);
        sleep(3000);
    }

    void logout() {
        driver.manage().deleteAllCookies();
    }

    /** Opens the start form of a process from the "Start process" dialog. */
    void openStartForm(String processName) throws IOException {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Start process"))));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText(processName))));
        waitForForm();
    }

    /** Reloads the task list and returns the names of the tasks it shows. */
    String taskList() throws IOException {
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/?filter=");
        driver.navigate().refresh();
        waitForText("My group's tasks");
        wait.until(d -> !d.findElements(By.cssSelector(".tasks-list")).isEmpty());
        sleep(1500);
        return driver.findElement(By.cssSelector(".tasks-list")).getText();
    }

    /** Selects the task with this name in the current list and claims it. */
    void openTask(String taskName) throws IOException {
        try {
            click(wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space()='" + taskName + "']"))));
            click(wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//button[normalize-space()='Claim'] | //a[normalize-space()='Claim']"))));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.xpath("//button[normalize-space()='Claim'] | //a[normalize-space()='Claim']")));
            waitForForm();
        } catch (RuntimeException e) {
            failure("open-" + taskName);
            throw e;
        }
    }

    void waitForForm() {
        typed.clear();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
        sleep(500);
    }

    /** The form-js input of a component (inside a dynamic list the row index is part of the id). */
    WebElement field(String componentId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + componentId + "']")));
    }

    /**
     * Types into a form-js text or number field. form-js takes typed text after a short debounce;
     * a re-render for another field in that window (the machine under load) can put the old value
     * back, so the value is checked once the debounce has passed and typed again if it was lost.
     */
    void fill(String componentId, String text) {
        typed.put(componentId, text);
        for (int attempt = 0; attempt < 3; attempt++) {
            WebElement field = field(componentId);
            type(field, text);
            blur(field);
            sleep(400);
            if (text.equals(field(componentId).getDomProperty("value"))) {
                return;
            }
        }
    }

    /** Types again any text a later re-render of the form lost. */
    private void refillLostText() {
        for (Map.Entry<String, String> entry : Map.copyOf(typed).entrySet()) {
            List<WebElement> present = driver.findElements(By.cssSelector("[id$='-" + entry.getKey() + "']"));
            if (!present.isEmpty() && !entry.getValue().equals(present.get(0).getDomProperty("value"))) {
                fill(entry.getKey(), entry.getValue());
            }
        }
        typed.clear();
    }

    /** form-js selects open on mousedown and take an item on mousedown. */
    void select(String componentId, String optionText) {
        mouseDown(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id$='-" + componentId + "-display']"))));
        mouseDown(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item') and contains(normalize-space(), \"" + optionText + "\")]"))));
    }

    /** Chooses the radio option whose label contains the text. */
    void choose(String fieldLabel, String optionText) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-form-field-radio')][.//*[contains(normalize-space(), \"" + fieldLabel + "\")]]"
                        + "//label[contains(normalize-space(), \"" + optionText + "\")]/preceding-sibling::input"
                        + " | //*[contains(@class,'fjs-form-field-radio')][.//*[contains(normalize-space(), \"" + fieldLabel + "\")]]"
                        + "//label[contains(normalize-space(), \"" + optionText + "\")]//input"))));
    }

    /** The label of the option checked in the radio group with this label, or null when none is. */
    String chosen(String fieldLabel) {
        for (WebElement radio : driver.findElements(By.xpath(
                "//*[contains(@class,'fjs-form-field-radio')][.//*[contains(normalize-space(), \"" + fieldLabel + "\")]]"
                        + "//input[@type='radio']"))) {
            if (radio.isSelected()) {
                return (String) ((JavascriptExecutor) driver).executeScript(
                        "const r = arguments[0]; const l = r.labels && r.labels.length ? r.labels[0] : r.parentElement;"
                                + "return l.innerText.trim();", radio);
            }
        }
        return null;
    }

    /** Whether the form shows this component now (form-js leaves hidden ones out of the page). */
    boolean shows(String componentId) {
        return !driver.findElements(By.cssSelector("[id$='-" + componentId + "']")).isEmpty();
    }

    /** Sets a form-js date through its flatpickr instance, as picking it in the calendar does. */
    void date(String componentId, java.time.LocalDate day) {
        WebElement input = field(componentId + "-date");
        ((JavascriptExecutor) driver).executeScript("arguments[0]._flatpickr.open();", input);
        String label = day.format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH));
        WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'flatpickr-calendar') and contains(@class,'open')]"
                        + "//span[contains(@class,'flatpickr-day') and @aria-label='" + label + "']")));
        mouseDown(cell);
        blur(input);
    }

    /** Picks the time from the time picker's dropdown, as a person clicking it does. */
    void time(String componentId, String hhmm) {
        WebElement input = field(componentId + "-time");
        ((JavascriptExecutor) driver).executeScript("arguments[0].dispatchEvent(new FocusEvent('focus'));"
                + "arguments[0].dispatchEvent(new FocusEvent('focusin', { bubbles: true }));", input);
        mouseDown(input);
        mouseDown(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + hhmm + "']"))));
    }

    void check(String componentId) {
        click(field(componentId));
    }

    /** Presses an enabled button (Start, Complete). */
    void press(String buttonText) throws IOException {
        try {
            refillLostText();
            // Tasklist (AngularJS) re-reads the form's validity in its next digest
            ((JavascriptExecutor) driver).executeScript(
                    "if (window.angular) { angular.element(document.body).injector().get('$rootScope').$applyAsync(); }");
            click(wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//button[normalize-space()='" + buttonText + "' and not(@disabled)]"))));
        } catch (RuntimeException e) {
            failure("press-" + buttonText);
            throw e;
        }
    }

    /**
     * Whether Lao script is drawn with real glyphs in the form's font: without a Lao font every
     * character falls back to the same missing-glyph box, so narrow and wide letters measure alike.
     */
    boolean laoGlyphsRender() {
        Object result = ((JavascriptExecutor) driver).executeScript(
                "const font = getComputedStyle(document.querySelector('.fjs-form')).font;"
                        + "const ctx = document.createElement('canvas').getContext('2d'); ctx.font = font;"
                        + "const narrow = ctx.measureText('\u0EB4\u0EB4\u0EB4\u0EB4').width;"   // vowel sign i (combining)
                        + "const wide = ctx.measureText('\u0E9A\u0E9A\u0E9A\u0E9A').width;"     // letter bo
                        + "const box = ctx.measureText('\uFFFF\uFFFF\uFFFF\uFFFF').width;"
                        + "return wide > 0 && wide !== narrow && wide !== box;");
        return Boolean.TRUE.equals(result);
    }

    String formText() {
        return driver.findElement(By.cssSelector(".fjs-form")).getText();
    }

    void type(WebElement field, String text) {
        ((JavascriptExecutor) driver).executeScript("""
                const field = arguments[0];
                const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
                setter.call(field, arguments[1]);
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));""", field, text);
    }

    void blur(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("""
                arguments[0].dispatchEvent(new FocusEvent('blur'));
                arguments[0].dispatchEvent(new FocusEvent('focusout', { bubbles: true }));""", element);
    }

    void mouseDown(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("""
                for (const type of ['mousedown', 'mouseup', 'click']) {
                  arguments[0].dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window }));
                }""", element);
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    void waitForText(String text) throws IOException {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        } catch (RuntimeException e) {
            failure(text);
            throw e;
        }
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Path screenshot(String name) throws IOException {
        return Browser.screenshot(driver, name);
    }

    WebDriver driver() {
        return driver;
    }

    void close() {
        driver.quit();
    }

    private void failure(String what) throws IOException {
        String name = "failure-" + what.replaceAll("[^A-Za-z0-9]+", "-");
        Files.createDirectories(Path.of("target", "e2e"));
        Files.copy(((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                Path.of("target", "e2e", name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(Path.of("target", "e2e", name + ".html"), driver.getPageSource());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
