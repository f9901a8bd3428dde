package com.partnerdesk.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Debian Chromium driven by Selenium, for tests that click through the portal as an admin would.
 * <p>
 * Without Chromium the test is skipped with a message saying how to install it; with {@code CI=true} a missing browser
 * fails instead, so CI can never pass without running these tests.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("partnerdesk.chromium", "/usr/bin/chromium");

    static final String CHROMEDRIVER = System.getProperty("partnerdesk.chromedriver", "/usr/bin/chromedriver");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;

    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens a browser on the app at {@code port}, or skips the test (fails it on CI) when Chromium is missing. */
    public static Browser open(int port) throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            String howTo = "Browser tests need Chromium and its driver: sudo apt-get install chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(howTo + " (CI=true: a missing browser fails the build)");
            }
            Assumptions.assumeTrue(installed, howTo);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "en-US,en"));
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser get(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Browser type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public Browser click(String css) {
        clickElement(find(css));
        return this;
    }

    public Browser clickLink(String linkText) {
        clickElement(driver.findElement(By.linkText(linkText)));
        return this;
    }

    /** Scrolls the element into view first (at once: Bootstrap makes scrolling smooth, which a click would outrun). */
    public Browser clickElement(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});", element);
        element.click();
        return this;
    }

    public Browser waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
        return this;
    }

    /** Waits until the browser has arrived at a URL containing this part, e.g. after a click that submits a form. */
    public Browser waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains(part));
        return this;
    }

    /** Waits until the element shows exactly this text, e.g. a total the page's script fills in after loading. */
    public Browser waitForText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(element -> element.getText().equals(text)));
        return this;
    }

    public Browser signIn(String username, String password) {
        get("/sign-in");
        type("#username", username);
        type("#password", password);
        click("button[type=submit]");
        return this;
    }

    /** Saves a screenshot of the whole window into {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(target, png);
        return target;
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation, naming each. */
    public Browser assertAccessible() {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> blocking = results.getViolations()
            .stream()
            .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
            .toList();
        assertThat(blocking).as("axe-core violations on %s:%n%s", url(), blocking.stream()
            .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                    + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n"))).isEmpty();
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
