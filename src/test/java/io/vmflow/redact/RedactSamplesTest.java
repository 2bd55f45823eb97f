package io.vmflow.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every sample analysed with {@code --redact}: no original host name, IP, MAC, port id, VM name or
 * keyword is left in any file of the redacted copy (text, SVG, JSON, attributes, links, file
 * names), and its report.json is the original's with the written map applied to every string, so
 * verdicts, finding codes, paths and ping figures are unchanged.
 */
class RedactSamplesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w]|\\.\\d)");
  private static final Pattern MAC =
      Pattern.compile("(?i)(?<![\\w:])(?:[0-9a-f]{2}:){5}[0-9a-f]{2}(?![\\w:])");

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
    "samples/seed-fusionsphere, fsp, ''",
    "samples/seed-fusionsphere, fsp, --single-file",
    "samples/lab-healthy, controller, ''",
    "samples/lab-reply-drop, controller, --single-file",
    "samples/sosreport-compute4.tar.xz, openvswitch, ''"
  })
  void redactedCopyHoldsNoOriginalValueAndTheSameDiagnosis(
      String sample, String keyword, String mode) throws Exception {
    Path dir = tmp.resolve("report");
    List<String> args =
        new ArrayList<>(
            List.of(
                "analyze", sample, "-o", dir.toString(), "--redact", "--redact-keyword", keyword));
    if (!mode.isEmpty()) {
      args.add(mode);
    }
    int exit = VmflowMain.run(args.toArray(String[]::new));
    assertThat(exit).isIn(0, 1);
    Path copy = tmp.resolve("report-redacted");
    Path mapFile = tmp.resolve("report-redacted.map.json");
    assertThat(copy.resolve("report.json")).exists();
    assertThat(mapFile).exists();
    assertThat(copy.resolve(".vmflow")).doesNotExist();

    Set<String> originals = originals(dir, keyword);
    assertThat(originals).hasSizeGreaterThan(5);
    try (Stream<Path> files = Files.walk(copy)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = copy.relativize(f) + "\n" + Files.readString(f, StandardCharsets.UTF_8);
        for (String o : originals) {
          assertThat(find(o, text)).as("'%s' in %s", o, copy.relativize(f)).isFalse();
        }
      }
    }

    Substitution map = RedactionMap.read(mapFile).substitution();
    JsonNode original = JSON.readTree(dir.resolve("report.json").toFile());
    JsonNode redacted = JSON.readTree(copy.resolve("report.json").toFile());
    assertThat(redacted).isEqualTo(masked(original, map));
    assertThat(redacted.get("summary")).isEqualTo(original.get("summary"));
    assertThat(redacted.get("findings").findValuesAsString("code"))
        .isEqualTo(original.get("findings").findValuesAsString("code"));
  }

  /** Host names, VM names, port ids, IPv4 addresses and MACs of the original report, + keyword. */
  private static Set<String> originals(Path dir, String keyword) throws IOException {
    JsonNode r = JSON.readTree(dir.resolve("report.json").toFile());
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode h : r.get("hosts")) {
      for (String f : List.of("key", "id", "name")) {
        out.add(h.path(f).asString(""));
      }
    }
    for (JsonNode vm : r.get("vms")) {
      out.add(vm.path("name").asString(""));
      for (JsonNode p : vm.path("ports")) {
        out.add(p.path("portId").asString(""));
        out.add(p.path("aliasId").asString(""));
      }
    }
    out.removeIf(s -> s.length() < 3 || s.chars().noneMatch(Character::isLetterOrDigit));
    out.add(keyword);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f :
          files
              .filter(
                  p ->
                      p.toString().matches(".*\\.(html|json)") && !p.toString().contains(".vmflow"))
              .toList()) {
        String text = Files.readString(f);
        IPV4.matcher(text)
            .results()
            .map(m -> m.group())
            .filter(ip -> !Ipv4Map.isIgnored(ip))
            .filter(ip -> Ipv4Map.parse(ip).isPresent())
            .forEach(out::add);
        MAC.matcher(text)
            .results()
            .map(m -> m.group().toLowerCase())
            .filter(m -> !m.equals("00:00:00:00:00:00") && !m.equals("ff:ff:ff:ff:ff:ff"))
            .forEach(out::add);
      }
    }
    return out;
  }

  private static boolean find(String value, String text) {
    return Pattern.compile(
            "(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9]|\\.\\d)",
            Pattern.CASE_INSENSITIVE)
        .matcher(text)
        .find();
  }

  private static JsonNode masked(JsonNode node, Substitution map) {
    if (node.isString()) {
      return JSON.getNodeFactory().stringNode(map.apply(node.asString()));
    }
    if (node.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      node.forEach(e -> a.add(masked(e, map)));
      return a;
    }
    if (node.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        o.set(map.apply(e.getKey()), masked(e.getValue(), map));
      }
      return o;
    }
    return node;
  }
}
