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
  void thePeersDiagramMarksOnlyTheSegmentAndThePeerIsNotError() {
    browser.get(out.resolve(VM2).toUri().toString());
    List<String> marked =
        browser.findElements(By.cssSelector("g.hop.lossmark")).stream()
            .map(e -> e.getAttribute("data-device"))
            .toList();
    assertThat(marked)
        .as("same-host flow: the tunnel is not on its path")
        .containsExactlyInAnyOrder("ply9e8d7c6b-5a", "pvi9e8d7c6b-5a", "pvo9e8d7c6b-5a", "br-int");
    assertThat(browser.findElement(By.cssSelector("h1 .badge")).getText()).isNotEqualTo("ERROR");
    assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("affected");
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
