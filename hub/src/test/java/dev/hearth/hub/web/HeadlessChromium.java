package dev.hearth.hub.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}; {@code
 * .ci/run} installs them), started headless with a fresh profile. Selenium Manager is never asked:
 * both paths are given, so nothing is downloaded.
 *
 * <p>Where they are missing, browser tests are skipped with the reason, except under {@code
 * CI=true}, where a skipped browser test would hide a broken dashboard: there they fail.
 */
final class HeadlessChromium {

  static final Path BROWSER = Path.of(System.getProperty("hearth.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("hearth.chromedriver", "/usr/bin/chromedriver"));

  private HeadlessChromium() {}

  /** Skips the calling test (or fails it under {@code CI=true}) without Chromium. */
  static void assumeInstalled() {
    List<String> missing = new ArrayList<>();
    for (Path binary : List.of(BROWSER, DRIVER)) {
      if (!Files.isExecutable(binary)) {
        missing.add(binary.toString());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String reason =
        String.join(" and ", missing)
            + " not found: apt-get install chromium chromium-driver"
            + " (or point -Dhearth.chromium and -Dhearth.chromedriver at them)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("browser tests must run on CI: " + reason);
    }
    abort(reason);
  }

  /**
   * A headless browser with a fresh profile in {@code profileDir}, its console kept for {@link
   * Browser#consoleErrors()}.
   */
  static ChromeDriver start(Path profileDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--password-store=basic",
        "--window-size=1280,900",
        "--user-data-dir=" + profileDir);
    options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(30))
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    return new ChromeDriver(service, options);
  }

  /** A fresh, empty profile directory. */
  static Path profileDir() {
    try {
      return Files.createTempDirectory("hearth-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
