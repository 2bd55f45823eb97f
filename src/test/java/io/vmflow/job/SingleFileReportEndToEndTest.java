package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vmflow analyze --single-file} on the seed sample: one report.html holding the index, every
 * VM, host and evidence page as sections, linked by anchors only, so it can be mailed alone.
 */
class SingleFileReportEndToEndTest {

  private static final Pattern LINK =
      Pattern.compile("\\b(?:href|src)\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

  @TempDir static Path out;
  static int exit;
  static String html;
  static JsonNode report;

  @BeforeAll
  static void analyse() throws Exception {
    exit =
        VmflowMain.run(
            "analyze", "samples/seed-fusionsphere", "-o", out.toString(), "--single-file");
    html = Files.readString(out.resolve("report.html"));
    report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void writesOneHtmlFileBesideTheJson() throws Exception {
    assertThat(exit).isZero();
    assertThat(out.resolve("index.html")).doesNotExist();
    try (var files = Files.list(out)) {
      assertThat(
              files
                  .filter(p -> p.toString().endsWith(".html"))
                  .map(p -> p.getFileName().toString()))
          .containsExactly("report.html");
    }
  }

  @Test
  void everyLinkIsAnAnchorOfTheFileItself() {
    List<String> links = LINK.matcher(html).results().map(m -> m.group(1)).toList();
    Set<String> ids = ID.matcher(html).results().map(m -> m.group(1)).collect(Collectors.toSet());

    assertThat(links).hasSizeGreaterThan(20);
    assertThat(links).allSatisfy(l -> assertThat(l).matches("#.+|data:.*"));
    assertThat(links.stream().filter(l -> l.startsWith("#")).map(l -> l.substring(1)).distinct())
        .as("every anchor lands on an element")
        .allSatisfy(a -> assertThat(ids).contains(a));
    assertThat(html)
        .doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("@import")
        .doesNotContain("url(");
  }

  @Test
  void holdsASectionForEveryVmHostAndCitedFile() {
    for (JsonNode vm : report.get("vms")) {
      String anchor = vm.get("page").asString().replace(".html", "");
      assertThat(html).contains("<section id=\"" + anchor + "\">", "href=\"#" + anchor + "\"");
      assertThat(html).contains(vm.get("id").asString());
    }
    assertThat(report.get("vms")).hasSizeGreaterThanOrEqualTo(1);
    report
        .get("hostPages")
        .properties()
        .forEach(
            e ->
                assertThat(html)
                    .contains(
                        "<section id=\"" + e.getValue().asString().replace(".html", "") + "\">"));
    assertThat(html)
        .contains("<section class=\"page evidence\" id=\"evidence-1\">", "id=\"evidence-1-L21\"");
    assertThat(html).as("a hop cites its line as an anchor").contains("href=\"#evidence-1-L21\"");
  }

  @Test
  void sectionIdsStayUniqueAcrossPages() {
    List<String> ids = ID.matcher(html).results().map(m -> m.group(1)).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }
}
