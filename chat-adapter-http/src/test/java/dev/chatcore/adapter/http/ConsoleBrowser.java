package dev.chatcore.adapter.http;

import dev.chatcore.domain.testing.RequiredTool;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded driver or
 * browser: this machine reaches no download site). {@link #start()} skips the calling test class
 * with a clear message when they are not installed; CI installs them ({@code .ci/run}).
 */
public final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Where screenshots go: {@code -Dconsole.screenshots=../docs/console} refreshes the guide's. */
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

  private final ChromeDriver driver;
  private final Path profile;

  private ConsoleBrowser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a fresh browser (new profile, laptop-sized window), or skips (fails in CI) when Chromium
   * is absent.
   */
  public static ConsoleBrowser start() throws IOException {
    RequiredTool.require(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the console's browser tests need "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)");
    Path profile = Files.createTempDirectory("console-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // the background-networking flags: without them Chromium calls home, and this closed network
    // refuses those connections many at a time
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1366,900",
        "--lang=en-US",
        // only fatal errors: a container has no D-Bus, and Chromium logs each failed call to it
        "--log-level=3");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(System.err)
            .build();
    return new ConsoleBrowser(new ChromeDriver(service, options), profile);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to 10 s for the condition (a page that runs scripts settles in its own time). */
  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50))
        .until(condition);
  }

  public WebElement visible(By by) {
    return await(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element's text contains {@code text}; returns the element. */
  public WebElement showing(By by, String text) {
    await(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by);
  }

  public void click(By by) {
    await(ExpectedConditions.elementToBeClickable(by)).click();
  }

  public void type(By by, String text) {
    WebElement input = visible(by);
    input.clear();
    input.sendKeys(text);
  }

  /**
   * The form controls and buttons on the page that a screen reader could not name (no label, no
   * aria-label, no text), described by tag and id; empty when every control is labelled.
   */
  @SuppressWarnings("unchecked")
  public List<String> unlabelledControls() {
    return (List<String>)
        driver.executeScript(
            """
        return [...document.querySelectorAll('input, select, textarea, button')]
          .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
          .map((e) => e.tagName + '#' + e.id);
        """);
  }

  /** Saves a PNG of the window as {@code name}.png in {@link #SCREENSHOTS}. */
  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
