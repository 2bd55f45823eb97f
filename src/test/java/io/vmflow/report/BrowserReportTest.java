package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.capture.CaptureWriter;
import io.vmflow.cli.VmflowMain;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens a real report in headless Chromium (Debian's chromium and chromium-driver) from file://: no
 * console error, the path diagram and ping timeline are visible, and a hostile VM name shows as
 * text and runs nothing. Screenshots go to target/screenshots/.
 */
@Tag("browser")
class BrowserReportTest {

  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path tmp;
  static Path out;
  static Path single;
  static ChromeDriver browser;

  @BeforeAll
  static void renderAndOpen() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "chromium and chromium-driver are not installed");
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    String session =
        Files.readString(Path.of("samples/seed-fusionsphere/terminal-session.txt"))
            .replace(
                "8851611c-b34d-4f90-8670-273fe1e9dec3\n5F0B42C1",
                "| 8851611c-b34d-4f90-8670-273fe1e9dec3 | "
                    + HOSTILE
                    + " | ACTIVE | - | Running | subnet-450e=10.0.0.17 |\n5F0B42C1");
    Files.writeString(bundle.resolve("terminal-session.txt"), session);
    long t0 = 1_700_000_000_000_000_000L;
    try (OutputStream tap = Files.newOutputStream(bundle.resolve("tap1c65142e-2a.pcap"));
        OutputStream qvm = Files.newOutputStream(bundle.resolve("qvm1c65142e-2a.pcap"))) {
      CaptureWriter.Pcap atTap = new CaptureWriter.Pcap(tap, false, 1);
      CaptureWriter.Pcap atQvm = new CaptureWriter.Pcap(qvm, false, 1);
      for (int seq = 1; seq <= 60; seq++) {
        long t = t0 + seq * 200_000_000L;
        atQvm.frame(t, CaptureWriter.echo("10.0.0.107", "10.0.0.17", true, 7, seq));
        atTap.frame(t + 20_000, CaptureWriter.echo("10.0.0.107", "10.0.0.17", true, 7, seq));
        atTap.frame(t + 100_000, CaptureWriter.echo("10.0.0.17", "10.0.0.107", false, 7, seq));
        if (seq < 20 || seq > 40) {
          atQvm.frame(t + 120_000, CaptureWriter.echo("10.0.0.17", "10.0.0.107", false, 7, seq));
        }
      }
    }
    out = tmp.resolve("out");
    VmflowMain.run("analyze", bundle.toString(), "-o", out.toString());
    single = tmp.resolve("single");
    VmflowMain.run("analyze", bundle.toString(), "-o", single.toString(), "--single-file");
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory("vmflow-chromium"),
        "--window-size=1200,1600");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(options);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void indexAndVmPageRenderWithoutErrorsAndTheHostileNameIsInert() throws Exception {
    browser.get(out.resolve("index.html").toUri().toString());
    assertNoAlert();
    assertThat(browser.findElements(By.tagName("img")))
        .as("no element injected by a VM name")
        .isEmpty();
    assertThat(browser.findElement(By.id("vms")).getText()).contains(HOSTILE);
    WebElement filter = browser.findElement(By.cssSelector("input[type=search]"));
    filter.sendKeys("no-such-vm");
    assertThat(browser.findElement(By.cssSelector("#vms a[href^='vm-']")).isDisplayed())
        .as("filtered out")
        .isFalse();
    filter.clear();
    filter.sendKeys("BC11");
    assertThat(browser.findElement(By.cssSelector("#vms a[href^='vm-']")).isDisplayed()).isTrue();
    screenshot("index");
    assertNoConsoleErrors();

    browser.findElement(By.cssSelector("a[href^='vm-8851611c']")).click();
    assertNoAlert();
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(HOSTILE);
    WebElement diagram = browser.findElement(By.cssSelector("svg[aria-label='path diagram']"));
    assertThat(diagram.isDisplayed()).isTrue();
    assertThat(diagram.getSize().getHeight()).isGreaterThan(200);
    WebElement timeline = browser.findElement(By.cssSelector("svg.timeline"));
    assertThat(timeline.isDisplayed()).isTrue();
    assertThat(timeline.findElements(By.cssSelector("rect.rep")).size())
        .isLessThan(timeline.findElements(By.cssSelector("rect.req")).size());
    assertThat(browser.findElement(By.cssSelector("svg.histogram")).isDisplayed()).isTrue();
    assertThat(browser.getPageSource()).contains("lost inside qbr1c65142e-2a");
    assertLossMarkedOnQbr(diagram);
    screenshot("vm");
    assertNoConsoleErrors();

    browser.findElement(By.partialLinkText("terminal-session.txt \u00b7 L21")).click();
    assertThat(browser.getCurrentUrl()).endsWith("#L21");
    assertThat(browser.findElement(By.id("L21")).getText()).contains("qbr1c65142e-2a");
    screenshot("evidence");
  }

  @Test
  void singleFileOpensFromFileAndItsAnchorsLeadToVmAndEvidence() throws Exception {
    browser.get(single.resolve("report.html").toUri().toString());
    assertNoAlert();
    assertThat(browser.findElements(By.tagName("img")))
        .as("no element injected by a VM name")
        .isEmpty();
    assertThat(browser.findElement(By.id("vms")).getText()).contains(HOSTILE);

    browser.findElement(By.cssSelector("#vms a[href^='#vm-']")).click();
    String anchor = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#') + 1);
    assertThat(anchor).startsWith("vm-8851611c");
    WebElement vm = browser.findElement(By.id(anchor));
    assertThat(vm.findElement(By.tagName("h1")).getText()).contains(HOSTILE);
    WebElement diagram = vm.findElement(By.cssSelector("svg[aria-label='path diagram']"));
    assertThat(diagram.isDisplayed()).isTrue();
    assertThat(vm.findElement(By.cssSelector("svg.timeline")).isDisplayed()).isTrue();
    assertLossMarkedOnQbr(diagram);
    screenshot("single-file-vm");

    vm.findElement(By.partialLinkText("terminal-session.txt \u00b7 L21")).click();
    assertThat(browser.getCurrentUrl()).endsWith("#evidence-1-L21");
    assertThat(browser.findElement(By.id("evidence-1-L21")).getText()).contains("qbr1c65142e-2a");
    assertNoAlert();
    assertNoConsoleErrors();
  }

  @Test
  void printingIsLightAndShowsCollapsedHostGroups() throws Exception {
    Report big =
        ReportBuilder.build(
            io.vmflow.bench.RenderLargeReport.input(
                600, 6, Files.createDirectories(tmp.resolve("big-sources"))));
    Path index = new ReportWriter().writeIndex(big, Files.createDirectories(tmp.resolve("big")));
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    try {
      browser.get(index.toUri().toString());
      WebElement okRow = browser.findElement(By.cssSelector("details.okhost tbody tr"));
      assertThat(rendered(okRow)).as("OK VMs start collapsed").isFalse();
      assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color"))
          .as("dark screen theme")
          .isEqualTo("rgba(13, 17, 23, 1)");

      browser.executeCdpCommand(
          "Emulation.setEmulatedMedia",
          Map.of(
              "media",
              "print",
              "features",
              List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color"))
          .as("paper stays light")
          .isEqualTo("rgba(255, 255, 255, 1)");
      assertThat(browser.findElement(By.tagName("body")).getCssValue("color"))
          .isEqualTo("rgba(0, 0, 0, 1)");
      assertThat(rendered(okRow)).as("collapsed groups print open").isTrue();
      assertThat(browser.findElements(By.cssSelector("input[type=search]")))
          .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
      Files.write(
          Files.createDirectories(Path.of("target/screenshots")).resolve("index-print.pdf"),
          java.util.Base64.getDecoder()
              .decode(browser.print(new org.openqa.selenium.print.PrintOptions()).getContent()));
      assertNoConsoleErrors();
    } finally {
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  // WebDriver's isDisplayed() takes whatever sits in a closed <details> as hidden, whatever the
  // CSS;
  // the browser's own checkVisibility() follows the stylesheet (a closed group's
  // content-visibility)
  private static boolean rendered(WebElement e) {
    return (Boolean) browser.executeScript("return arguments[0].checkVisibility();", e);
  }

  private static void assertLossMarkedOnQbr(WebElement diagram) {
    List<WebElement> marked = diagram.findElements(By.cssSelector("g.lossmark"));
    assertThat(marked)
        .extracting(g -> g.getAttribute("data-device"))
        .containsExactly("qbr1c65142e-2a");
    assertThat(marked.get(0).isDisplayed()).isTrue();
    assertThat(marked.get(0).findElement(By.cssSelector("text.losslabel")).getText())
        .isEqualTo("loss here");
    assertThat(marked.get(0).findElement(By.cssSelector("rect.box")).getCssValue("stroke"))
        .as("red border")
        .isEqualTo("rgb(207, 34, 46)");
  }

  private static void assertNoAlert() {
    try {
      browser.switchTo().alert();
      throw new AssertionError("an alert ran: a VM name was executed");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private static void assertNoConsoleErrors() {
    List<LogEntry> severe =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(severe).as("console errors").isEmpty();
  }

  private static void screenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target/screenshots"));
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
