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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;

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

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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

    /**
     * Clicks something that changes the current page only (a checkbox, a details summary, a button a script handles).
     * A click that leads to another page is {@link #clickAndLoad} or {@link #follow}: a step after it could otherwise
     * act on the page that is being replaced.
     */
    public Browser click(String css) {
        clickElement(find(css));
        return this;
    }

    /** Clicks a link or a submit button and waits until the page it leads to has loaded. */
    public Browser clickAndLoad(String css) {
        return loading(() -> clickElement(find(css)));
    }

    /** Follows the link with this text and waits until the page it leads to has loaded. */
    public Browser follow(String linkText) {
        return loading(() -> clickElement(driver.findElement(By.linkText(linkText))));
    }

    /** Reloads the current page and waits until it has loaded again. */
    public Browser reload() {
        return loading(() -> driver.navigate().refresh());
    }

    /**
     * Runs an action that replaces the document (a click or a refresh) and waits until a new document has
     * finished loading. The current document is marked first, so that neither the old page nor an element on it can be
     * taken for the new one, however slowly the browser gets round to leaving it.
     */
    private Browser loading(Runnable action) {
        String mark = "p" + System.nanoTime();
        script().executeScript("window.partnerdeskPageMark = arguments[0];", mark);
        action.run();
        patiently(TIMEOUT).withMessage(() -> "no new page loaded after the action; still at " + driver.getCurrentUrl())
            .until(d -> Boolean.TRUE.equals(script().executeScript(
                    "return window.partnerdeskPageMark !== arguments[0] && document.readyState === 'complete';", mark)));
        return this;
    }

    /** Scrolls the element into view first (at once: Bootstrap makes scrolling smooth, which a click would outrun). */
    private void clickElement(WebElement element) {
        script().executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});",
                element);
        element.click();
    }

    /**
     * Waits until an element matches on a page that has finished loading, e.g. an element a script adds, or what a page
     * that reloads itself shows next. Never use it to wait for a page that a click leads to: the page being left may
     * match too; that is what {@link #clickAndLoad} and {@link #follow} are for.
     */
    public Browser waitFor(String css) {
        return waitFor(css, TIMEOUT);
    }

    /** Waits as long as given, e.g. for a page that reloads itself once a background job is done. */
    public Browser waitFor(String css, Duration timeout) {
        patiently(timeout).withMessage(() -> "nothing matches " + css + " at " + driver.getCurrentUrl())
            .until(d -> !d.findElements(By.cssSelector(css)).isEmpty()
                    && "complete".equals(script().executeScript("return document.readyState;")));
        return this;
    }

    /** Waits until the element shows exactly this text, e.g. a total the page's script fills in after loading. */
    public Browser waitForText(String css, String text) {
        patiently(TIMEOUT).withMessage(() -> "no " + css + " shows \"" + text + "\" at " + driver.getCurrentUrl())
            .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(element -> element.getText().equals(text)));
        return this;
    }

    /** Checks, without waiting, that the page shows an element: after a navigation, that it is the page expected. */
    public Browser shows(String css) {
        assertThat(findAll(css)).as("an element matching %s at %s", css, url()).isNotEmpty();
        return this;
    }

    /** Signs a staff member in and waits for the page the sign-in leads to. */
    public Browser signIn(String username, String password) {
        get("/sign-in");
        type("#username", username);
        type("#password", password);
        return clickAndLoad("button[type=submit]");
    }

    /**
     * A wait that lets the browser replace the page meanwhile: while it does, WebDriver answers with errors about
     * elements, scripts or contexts that are gone, which say only "not yet". The time is generous, for CI's two busy
     * cores; nothing here measures how long anything took.
     */
    private FluentWait<WebDriver> patiently(Duration timeout) {
        return new FluentWait<WebDriver>(driver).withTimeout(timeout)
            .pollingEvery(Duration.ofMillis(100))
            .ignoring(WebDriverException.class);
    }

    private JavascriptExecutor script() {
        return (JavascriptExecutor) driver;
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
