package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The verdict first, in real headless Chromium at 1400×900, on the lab's reply-drop sample (a flow
 * on compute-a's br-int drops the echo replies to lab-vm1): the verdict is in the first screenful
 * and names the cause and the segment; only the segment's boxes are marked; the peer is not ERROR;
 * no evidence cell is taller than two lines.
 */
@Tag("browser")
class VerdictBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String VM1 = "vm-11111111-aaaa-4bbb-8ccc-000000000001.html";
  private static final String VM2 = "vm-22222222-aaaa-4bbb-8ccc-000000000002.html";

  @TempDir static Path tmp;
  static Path out;
  static ChromeDriver browser;

  @BeforeAll
  static void renderAndOpen() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "chromium and chromium-driver are not installed");
    out = tmp.resolve("out");
    VmflowMain.run("analyze", "samples/lab-reply-drop", "-o", out.toString());
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--user-data-dir=" + Files.createTempDirectory("vmflow-chromium"));
    browser = new ChromeDriver(options);
    browser.manage().window().setSize(new Dimension(1400, 900));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theVerdictIsInTheFirstScreenfulAndNamesCauseAndSegment() {
    for (String page : List.of("index.html", VM1)) {
      browser.get(out.resolve(page).toUri().toString());
      WebElement line = browser.findElements(By.cssSelector(".verdict-line")).get(0);
      assertThat(line.getRect().getY()).as(page).isLessThan(900);
      assertThat(line.getText())
          .as(page)
          .contains("20 of 20 echo replies")
          .contains("lab-vm1")
          .contains("where: br-int on compute-a")
          // the rule that drops the replies, from the static flow check or the replica's trace
          .contains("why: ")
          .contains("icmp_type=0");
    }
  }

  @Test
  void thePeersFlowDiagramMarksOnlyTheSegmentAndThePeerIsNotError() {
    browser.get(out.resolve(VM2).toUri().toString());
    WebElement flow = browser.findElement(By.cssSelector("svg.flowpath"));
    assertThat(devices(flow, "g.hop"))
        .as("vm1 -> vm2 on one host: vm1's hops, br-int, vm2's hops, no tunnel")
        .containsExactly(
            "tap3f1a2b4c-5d",
            "qbr3f1a2b4c-5d",
            "qvb3f1a2b4c-5d",
            "qvo3f1a2b4c-5d",
            "br-int",
            "pvo9e8d7c6b-5a",
            "pvi9e8d7c6b-5a",
            "ply9e8d7c6b-5a",
            "qvm9e8d7c6b-5a",
            "qbr9e8d7c6b-5a",
            "tap9e8d7c6b-5a");
    assertThat(devices(flow, "g.hop.lossmark"))
        .containsExactly("br-int", "pvo9e8d7c6b-5a", "pvi9e8d7c6b-5a", "ply9e8d7c6b-5a");
    assertThat(counts(flow, "qvm9e8d7c6b-5a")).isEqualTo("captured: 20 req / 20 rep");
    assertThat(counts(flow, "qvo3f1a2b4c-5d")).isEqualTo("captured: 20 req / 0 rep");
    assertThat(browser.findElements(By.cssSelector("svg:not(.flowpath) g.hop.lossmark")))
        .as("the VM's own path to the other host carries no mark for the flow's loss")
        .isEmpty();
    assertThat(browser.findElement(By.cssSelector("h1 .badge")).getText()).isNotEqualTo("ERROR");
    assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("affected");
  }

  @Test
  void theVictimsFlowAcrossTheTunnelMarksOnlyTheBoxesBetweenTheTwoCapturePoints() {
    browser.get(out.resolve(VM1).toUri().toString());
    WebElement flow =
        browser.findElements(By.cssSelector("svg.flowpath")).stream()
            .filter(f -> devices(f, "g.hop").contains("tapb4c5d6e7-f8"))
            .findFirst()
            .orElseThrow();
    List<String> all = devices(flow, "g.hop");
    assertThat(all).contains("[compute-b]");
    assertThat(devices(flow, "g.hop.lossmark"))
        .containsExactlyElementsOf(
            all.subList(all.indexOf("qvo3f1a2b4c-5d") + 1, all.indexOf("qvob4c5d6e7-f8")));
    assertThat(counts(flow, "qvob4c5d6e7-f8")).isEqualTo("captured: 20 req / 20 rep");
    assertThat(counts(flow, "tap3f1a2b4c-5d")).isEqualTo("captured: 20 req / 0 rep");
  }

  @Test
  void eachLossIsOneLineWhoseWhyIsTheDropRuleAndNoCauseIsRepeatedAsAProblem() {
    browser.get(out.resolve("index.html").toUri().toString());
    List<String> lines =
        browser.findElements(By.cssSelector(".verdict-line")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .as("the same-host loss is not explained by the trace of the tunnel flow")
        .contains("from lab-vm2 to lab-vm1")
        .contains("icmp_type=0")
        .doesNotContain("from patch-tun");
  }

  @Test
  void vmNamesComeBeforeTheirIds() {
    browser.get(out.resolve("index.html").toUri().toString());
    assertThat(
            browser.findElements(By.cssSelector("table.vms tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText)
                .toList())
        .as("the index's VM column reads the name; the id has a column of its own after it")
        .containsExactlyInAnyOrder("lab-vm1", "lab-vm2", "lab-vm3");
    assertThat(browser.findElements(By.xpath("//td[text()='lab-vm1']")))
        .as("the findings table names the VM")
        .isNotEmpty();
    browser.get(out.resolve("host-compute-a.html").toUri().toString());
    assertThat(
            browser.findElements(By.cssSelector("li a[href^='vm-']")).stream()
                .map(WebElement::getText)
                .toList())
        .allMatch(t -> t.startsWith("lab-vm"));
    browser.get(out.resolve(VM1).toUri().toString());
    assertThat(browser.getTitle()).contains("lab-vm1");
    assertThat(browser.findElement(By.cssSelector(".verdict-line")).getText())
        .contains("lab-vm1")
        .as("an id, where one is said, follows its name")
        .doesNotContainPattern("(?<!lab-vm1 \\()11111111-aaaa");
  }

  private static List<String> devices(WebElement svg, String css) {
    return svg.findElements(By.cssSelector(css)).stream()
        .map(e -> e.getAttribute("data-device"))
        .toList();
  }

  private static String counts(WebElement svg, String device) {
    return svg.findElement(By.cssSelector("g.captured[data-device='" + device + "'] text.counts"))
        .getText();
  }

  @Test
  void noEvidenceCellIsTallerThanTwoLines() {
    for (String page : List.of("index.html", VM1, "host-compute-a.html")) {
      browser.get(out.resolve(page).toUri().toString());
      for (WebElement div : browser.findElements(By.cssSelector("td.mono > div"))) {
        double lineHeight =
            Double.parseDouble(
                div.getCssValue("line-height").replace("px", "").replace("normal", "16"));
        assertThat(div.getRect().getHeight())
            .as(page + ": " + div.getText())
            .isLessThanOrEqualTo((int) Math.ceil(2 * lineHeight) + 1);
      }
    }
  }
}
