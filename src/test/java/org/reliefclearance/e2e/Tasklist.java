package org.reliefclearance.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in Camunda Tasklist, as browser steps. */
final class Tasklist {

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    Tasklist(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void login(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/camunda/app/tasklist/default/#/login");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        type(name, user);
        type(driver.findElement(By.cssSelector("input[ng-model=password]")), password);
        click(driver.findElement(By.cssSelector("button[type=submit]")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=password]")));
    }

    /**
     * Sets a field's value the way typing does, with the input and change events the page
     * listens to. The webapps serve a sandboxing Content-Security-Policy under which
     * chromedriver's synthetic key and mouse input does not arrive; DOM events do.
     */
    void type(WebElement field, String text) {
        ((JavascriptExecutor) driver).executeScript("""
                const field = arguments[0];
                const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
                setter.call(field, arguments[1]);
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));""", field, text);
    }

    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    void waitForText(String text) throws IOException {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        } catch (RuntimeException e) {
            screenshot("failure-" + text.replaceAll("[^A-Za-z0-9]+", "-"));
            Files.writeString(Path.of("target", "e2e-failure.html"), driver.getPageSource());
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
}
