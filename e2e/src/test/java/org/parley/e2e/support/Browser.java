package org.parley.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.local.Options;

/**
 * The portal in a real browser: Debian's headless Chromium driven through Selenium, opened
 * on the running platform's gateway ({@code http://localhost:8080}), signing in on the real
 * Keycloak login page with the demo users' password.
 *
 * <pre>{@code
 * try (Browser browser = Browser.open()) {
 *     browser.signIn("liaison-de-1@parley.local");
 *     browser.waitForText(By.tagName("h1"), "Requests of my authority");
 *     browser.assertAccessible();
 *     browser.screenshot("liaison-desk");
 * }
 * }</pre>
 *
 * <p>Nothing is downloaded: the browser is {@code /usr/bin/chromium}, its driver
 * {@code /usr/bin/chromedriver} (packages {@code chromium} and {@code chromium-driver}), and
 * Selenium Manager is told to stay offline. Every browser starts with a fresh profile under
 * {@code target/}, so no cookie or cache survives from one test to the next.
 */
public final class Browser implements AutoCloseable {

    /** How long the waiting helpers wait unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900");
    private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    private final URI base;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(URI base, Locale language) {
        this.language = language;
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        this.base = base;
        try {
            this.profile = Files.createDirectories(Path.of("target", "browser-profiles", UUID.randomUUID().toString()))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile under target/", e);
        }
        String tag = language.toLanguageTag();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--lang=" + tag);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", tag));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("SE_OFFLINE", "true"))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** The language this browser prefers; after signing in, chosen for the person too. */
    private final Locale language;

    /** A browser on the running platform, in English. */
    public static Browser open() {
        return open(Locale.ENGLISH);
    }

    /** A browser on the running platform that prefers {@code language}, e.g. {@link Locale#FRENCH}. */
    public static Browser open(Locale language) {
        return open(RunningPlatform.platform().gatewayUrl(), language);
    }

    /** A browser on another address, e.g. a portal reached directly. */
    public static Browser open(URI base, Locale language) {
        return new Browser(base, language);
    }

    /** The driver itself, for what the helpers below do not cover. */
    public WebDriver driver() {
        return driver;
    }

    /** Where the browser is now. */
    public URI url() {
        return URI.create(driver.getCurrentUrl());
    }

    public String title() {
        return driver.getTitle();
    }

    /** True while the browser shows a page of the platform's own address (not Keycloak's). */
    public boolean onPlatform() {
        URI now = url();
        return base.getScheme().equals(now.getScheme()) && base.getAuthority().equals(now.getAuthority());
    }

    /** Opens {@code path} (e.g. {@code /transparency/requests?lang=fr}) on the platform's address. */
    public Browser go(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /**
     * Signs in as a demo user the way a person does: {@code /signin}, the real Keycloak login
     * page (username, the demo password, "Sign In"), and back on the platform's address at
     * the person's start page.
     */
    public Browser signIn(String username) {
        go("/signin");
        boolean atLoginPage = waitUntil(DEFAULT_WAIT, "the Keycloak login page (or, with a Keycloak session, "
                + "the way back)", d -> present(By.id("username")) || (onPlatform() && !signingIn()));
        if (atLoginPage && present(By.id("username"))) {
            WebElement name = driver.findElement(By.id("username"));
            name.clear();
            name.sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(Tokens.DEMO_PASSWORD);
            driver.findElement(By.id("kc-login")).click();
        }
        waitUntil(DEFAULT_WAIT, "the way back from Keycloak to " + base.getAuthority() + " after signing in as "
                + username, d -> onPlatform() && !signingIn() && ready());
        // the portal remembers a person's language across devices, and it then wins over the browser's: a
        // demo user another test left in another language is put back in this browser's, on the same page
        URI start = url();
        driver.get(start + (start.getQuery() == null ? "?" : "&") + "lang=" + language.toLanguageTag());
        waitUntil(DEFAULT_WAIT, "the start page in " + language.toLanguageTag(), d -> ready());
        return this;
    }

    /** Signs out with the portal's own button (RP-initiated logout at Keycloak), back on the platform's address. */
    public Browser signOut() {
        WebElement button = waitFor(By.cssSelector("form[action$='/signout'] button"));
        button.click();
        waitUntil(DEFAULT_WAIT, "the page with the sign-out button to go", d -> gone(button));
        waitUntil(DEFAULT_WAIT, "the way back to " + base.getAuthority() + " after signing out",
                d -> onPlatform() && !url().getPath().startsWith("/signout") && ready());
        return this;
    }

    /** Types {@code text} into the field with this id, in place of what it held. */
    public Browser type(String id, String text) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits until an element is visible and returns it. */
    public WebElement waitFor(By locator) {
        return waitFor(locator, DEFAULT_WAIT);
    }

    public WebElement waitFor(By locator, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new AssertionError("no visible " + locator + " within " + timeout.toSeconds() + " s on " + where(), e);
        }
    }

    /** Waits until an element holds {@code text} and returns it. */
    public WebElement waitForText(By locator, String text) {
        return waitForText(locator, text, DEFAULT_WAIT);
    }

    public WebElement waitForText(By locator, String text, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
            return driver.findElement(locator);
        } catch (TimeoutException e) {
            String seen = present(locator) ? "\"" + driver.findElement(locator).getText() + "\"" : "no such element";
            throw new AssertionError("no \"" + text + "\" in " + locator + " within " + timeout.toSeconds()
                    + " s on " + where() + " (it shows " + seen + ")", e);
        }
    }

    /** The elements matching {@code locator} now, without waiting. */
    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    /**
     * Runs axe-core on the page (its script comes inside the axe-core jar, nothing is fetched)
     * and fails with a readable list when a rule with impact {@code serious} or
     * {@code critical} is violated. Minor and moderate findings do not fail.
     */
    public Browser assertAccessible() {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + where() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            StringBuilder report = new StringBuilder()
                    .append(blocking.size()).append(" serious or critical accessibility violation(s) on ")
                    .append(where()).append(':');
            for (Rule rule : blocking) {
                report.append("\n- [").append(rule.getImpact()).append("] ").append(rule.getId()).append(": ")
                        .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(')');
                for (CheckedNode node : rule.getNodes()) {
                    report.append("\n    at ").append(node.getTarget()).append(": ").append(node.getHtml());
                    if (node.getFailureSummary() != null) {
                        report.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
                    }
                }
            }
            throw new AssertionError(report.toString());
        }
        return this;
    }

    /** Saves what the browser shows as {@code docs/screenshots/<name>.png} at the repository root. */
    public Path screenshot(String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a screenshot name is lower-case words with dashes, not " + name);
        }
        Path target = Options.findRepoRoot(Path.of("")).resolve("docs/screenshots").resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + target, e);
        }
        return target;
    }

    /** Quits the browser and removes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** On the portal's sign-in hops, which redirect on by themselves. */
    private boolean signingIn() {
        String path = url().getPath();
        return path.startsWith("/signin") || path.startsWith("/oauth2/") || path.startsWith("/login/oauth2/");
    }

    /**
     * Whether an element has left its page. Chrome says so with a stale reference, or at times with an "unknown
     * error" that the node does not belong to the document, which Selenium's own staleness check does not take.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private boolean ready() {
        return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
    }

    private boolean present(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    private boolean waitUntil(Duration timeout, String what, java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            return new WebDriverWait(driver, timeout).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + timeout.toSeconds() + " s in vain for " + what + "; the browser is on "
                    + where(), e);
        }
    }

    private String where() {
        return driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\")";
    }

    private static void requireExecutable(Path file, String debianPackage) {
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException(file + " is missing: the browser tests need Debian's " + debianPackage
                    + " package (apt-get install chromium chromium-driver)");
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a profile left behind under target/ is harmless
        }
    }
}
