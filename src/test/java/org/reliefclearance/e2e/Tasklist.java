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
    /** Tasklist's own words in the browser's language (webapp locales/lo.json), by their English. */
    private final Map<String, String> words;

    Tasklist(WebDriver driver, String baseUrl, String language) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.words = "lo".equals(language)
                ? Map.of("Claim", "ຮັບເອົາວຽກ", "Complete", "ສຳເລັດ", "Start", "ເລີ່ມ", "Start process", "ເລີ່ມຂະບວນການ")
                : Map.of();
    }

    /** A Tasklist word as this browser's language shows it. */
    String word(String english) {
        return words.getOrDefault(english, english);
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
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText(word("Start process")))));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText(processName))));
        waitForForm();
    }

    /** Reloads the task list and returns the names of the tasks it shows. */
    String taskList() throws IOException {
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/?filter=");
        // the list puts its sorting into the URL first (custom/task-list.js); reload after that
        sleep(1000);
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
            String claim = word("Claim");
            click(wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//button[normalize-space()='" + claim + "'] | //a[normalize-space()='" + claim + "']"))));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.xpath("//button[normalize-space()='" + claim + "'] | //a[normalize-space()='" + claim + "']")));
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
                    By.xpath("//button[normalize-space()='" + word(buttonText) + "' and not(@disabled)]"))));
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

    /** Finds cases by any part of their reference, from the box above the list; returns the list shown. */
    String findByReference(String part) throws IOException {
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("relief-find-reference")));
        type(box, part);
        ((JavascriptExecutor) driver).executeScript("arguments[0].form.requestSubmit();", box);
        wait.until(d -> d.getCurrentUrl().contains("searchQuery"));
        sleep(2000);
        return driver.findElement(By.cssSelector(".tasks-list")).getText();
    }

    /** What the official just did and what the case waits for now, above the list (custom/task-list.js). */
    String recent() {
        wait.until(d -> !d.findElements(By.cssSelector(".relief-recent")).isEmpty()
                && !d.findElement(By.cssSelector(".relief-recent")).getText().isBlank());
        return driver.findElement(By.cssSelector(".relief-recent")).getText();
    }

    /** The text of the cards in the list (custom/case-card.js fills them in after the list shows). */
    String cards() {
        wait.until(d -> !d.findElements(By.cssSelector(".relief-card")).isEmpty());
        return driver.findElements(By.cssSelector(".tasks-list")).get(0).getText();
    }

    void windowSize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        sleep(500);
    }

    /** Tables of the open form wider than the room they have (a column would need scrolling). */
    long tablesCutOff() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('.fjs-table-inner-container')]"
                        + ".filter(t => t.scrollWidth > t.clientWidth + 1).length;");
    }

    /** Labels, options, buttons and texts of the page whose content is wider than their box (clipped). */
    @SuppressWarnings("unchecked")
    List<String> clippedLabels() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('.fjs-form label, .fjs-form .fjs-form-field-label,"
                        + " .fjs-form .fjs-form-field-description, .fjs-form .fjs-form-field-text p, .task-details .btn,"
                        + " .task-details .nav-tabs a, .relief-card div')]"
                        + ".filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1"
                        + " && getComputedStyle(e).textOverflow !== 'ellipsis')"
                        + ".map(e => e.innerText.trim().slice(0, 60));");
    }

    /** Opens a tab of the open task (Form, Case, History...) by its label. */
    void openTab(String label) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[contains(@class,'nav-tabs')]//a[contains(normalize-space(), '" + label + "')]"))));
    }

    /** The text of the page in the open task's Case tab (an iframe of the application's case page). */
    String caseTabText(String expected) {
        WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.relief-case")));
        driver.switchTo().frame(frame);
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expected));
            return driver.findElement(By.tagName("body")).getText();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** The link of the Case tab's page with this text. */
    String caseTabLink(String text) {
        driver.switchTo().frame(driver.findElement(By.cssSelector("iframe.relief-case")));
        try {
            return driver.findElement(By.partialLinkText(text)).getDomAttribute("href");
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /**
     * A request the page itself sends with the browser's session (cookies, no credentials of its
     * own): "status content-type".
     */
    String fetchFromPage(String method, String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], { method: arguments[0], credentials: 'same-origin',
                    headers: { 'Content-Type': 'application/json' },
                    body: arguments[0] === 'GET' ? undefined : JSON.stringify({ reason: 'from a page' }) })
                  .then(r => done(r.status + ' ' + (r.headers.get('Content-Type') || '')))
                  .catch(e => done('failed ' + e));""", method, path);
    }

    /** Clicks a button even when it is disabled (a disabled one does nothing, as for a person). */
    void pressEvenIfDisabled(String buttonText) {
        click(wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[normalize-space()='" + word(buttonText) + "']"))));
        sleep(1500);
    }

    void scrollTo(String componentId) {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector(\"[id*='-\" + arguments[0] + \"']\").scrollIntoView({block: 'center'});", componentId);
        sleep(300);
    }

    /** The error message the form shows next to this field, or null when it shows none. */
    String fieldError(String componentId) {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const input = document.querySelector("[id*='-" + arguments[0] + "']");
                const field = input && input.closest('.fjs-form-field');
                const error = field && field.querySelector('.fjs-form-field-error');
                return error && error.innerText.trim() ? error.innerText.trim() : null;""", componentId);
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
