package dev.hearth.hub.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless browser on the dashboard of a {@link DashboardHub}, with the waits the tests read
 * by: for an element, for its text, for an attribute. Live updates arrive asynchronously, so every
 * look waits (up to {@link #PATIENCE}) instead of sleeping.
 */
final class Browser implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(15);

  /** Console lines that are not page errors: the network log of answers the page expects. */
  private static final Pattern EXPECTED =
      Pattern.compile("Failed to load resource: the server responded with a status of 40[14]");

  private final String base;
  private final Path profile = HeadlessChromium.profileDir();
  final ChromeDriver driver;

  Browser(String base) {
    this.base = base;
    this.driver = HeadlessChromium.start(profile);
  }

  /** Opens {@code path} on the hub. */
  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  /** Forgets the session: the next page is the login page. */
  void forgetSession() {
    // A page on the hub's origin that runs no script, so nothing navigates on its own meanwhile.
    open("/dashboard/css/app.css");
    driver.manage().deleteAllCookies();
  }

  /** Logs in on the login page as {@code email}; returns once the page after it is up. */
  void logIn(String email, String password) {
    forgetSession();
    open("/dashboard/login.html");
    type("#email", email);
    type("#password", password);
    find("#login-button").click();
    wait(d -> !d.getCurrentUrl().contains("/login.html"));
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /** The element, once it is in the page. */
  WebElement find(String css) {
    return wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** The element, once it is shown. */
  WebElement visible(String css) {
    return wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the element's text contains {@code text}; returns the element. */
  WebElement waitForText(String css, String text) {
    wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    return find(css);
  }

  /** Waits until the element's {@code attribute} is {@code value}. */
  void waitForAttribute(String css, String attribute, String value) {
    wait(ExpectedConditions.attributeToBe(By.cssSelector(css), attribute, value));
  }

  /** Waits until the page has loaded its data and follows the live stream. */
  void waitUntilLive() {
    waitForAttribute("body", "data-live", "ready");
  }

  <T> T wait(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50)).until(condition);
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * What the pages logged as errors since the last call: script errors, Content-Security-Policy
   * refusals, failed loads other than the 401 and 404 answers the pages expect.
   */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !EXPECTED.matcher(m).find())
        .toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
