package io.vmflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ingest.ArtifactText;
import io.vmflow.ingest.CommandSpecs;
import io.vmflow.ingest.KindSniffer;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.spec.BundleLayout;
import io.vmflow.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command format is complete: a parser, a fixtures folder of real output, a content rule that
 * recognises that output in a nameless file, a sos name that maps back to it, a transcript command
 * that maps back to it, and a line of {@code vmflow-collect} that collects it. Adding a {@link
 * Spec} without one of these fails here, naming what is missing.
 */
class CommandFormatsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path COLLECTOR = Path.of("src/main/collect/vmflow-collect");

  // outputs that cannot be told by their content, and why
  private static final Set<Spec> NOT_DETECTED_BY_CONTENT =
      EnumSet.of(
          Spec.HOSTNAME, // one word: known by its sos name or the command typed
          // the same text as date on a host kept in UTC: known by sos's name or the command typed
          Spec.DATE_UTC,
          Spec.CPS_HOST_LIST, // the real output we have is a grep-cut row without the header
          Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS, // "port 4: vxlan_sys_4789 (...)": by name only
          // ID | Name | Subnets: the same header as neutron net-list (whose parser reads both)
          Spec.OPENSTACK_NETWORK_LIST,
          // the real output we have (openstack client, 2016) has neutron router-show's fields;
          // one parser reads both
          Spec.OPENSTACK_ROUTER_SHOW,
          // a bare list of names: known by its sos name or the command typed
          Spec.IP_NETNS,
          // the same text as the host-level output: the namespace is known only from the sos
          // name or the typed command (ip netns exec NS ...)
          Spec.NETNS_IP_ADDR,
          Spec.NETNS_IP_ROUTE,
          Spec.NETNS_IP_NEIGH,
          Spec.NETNS_IP_RULE,
          Spec.NETNS_IPTABLES_SAVE,
          // the table of openstack network show, whose content rule it meets (one parser reads
          // both)
          Spec.NEUTRON_NET_SHOW);

  // outputs sos and vmflow-collect never write to a file of their own, and why
  private static final Set<Spec> NO_SOS_NAME =
      EnumSet.of(Spec.TCPDUMP_TEXT); // text captures come from transcripts or nameless files

  // formats vmflow-collect does not run, and why
  private static final Set<Spec> NOT_COLLECTED =
      EnumSet.of(
          Spec.TCPDUMP_TEXT, // the collector writes pcap files; text comes from transcripts
          // vmflow runs ofproto/trace itself, on a replica of the dumped switches (trace stage)
          Spec.OVS_APPCTL_OFPROTO_TRACE,
          // a log file, not a command: the collector copies its tail (collect_ovs_log) where sos
          // keeps it, var/log/openvswitch/ovs-vswitchd.log
          Spec.OVS_VSWITCHD_LOG,
          // log files: the collector copies their tails (collect_ovs_log, collect_neutron_logs)
          // where sos keeps them
          Spec.OVSDB_SERVER_LOG,
          Spec.NEUTRON_AGENT_LOG);

  @ParameterizedTest
  @EnumSource(Spec.class)
  void hasAParser(Spec spec) {
    assertThat(ParserRegistry.parserFor(spec)).as("ParserRegistry line for %s", spec).isPresent();
    assertThat(ParserRegistry.parserFor(spec).get().spec()).isEqualTo(spec);
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void hasAFixturesFolderWithItsSources(Spec spec) throws IOException {
    Path folder = FIXTURES.resolve(spec.id());
    assertThat(folder).as("fixtures/%s", spec.id()).isDirectory();
    assertThat(folder.resolve("SOURCE.md")).as("fixtures/%s/SOURCE.md", spec.id()).isRegularFile();
    assertThat(fixtures(spec)).as("real outputs in fixtures/%s", spec.id()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void isRecognisedByContent(Spec spec) throws IOException {
    if (NOT_DETECTED_BY_CONTENT.contains(spec)) {
      return;
    }
    boolean any = false;
    for (Path f : fixtures(spec)) {
      any |= KindSniffer.sniff(ArtifactText.lines(f)).equals(Optional.of(spec));
    }
    assertThat(any)
        .as("a KindSniffer/TableHeaders rule recognises a fixture of %s", spec.id())
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void itsSosNameMapsBackToIt(Spec spec) {
    if (NO_SOS_NAME.contains(spec)) {
      return;
    }
    String name = sosName(spec.command().replace("%s", "br-int"));
    assertThat(BundleLayout.match("sos_commands/x/" + name).map(BundleLayout.Match::spec))
        .as("BundleLayout rule for %s (%s)", spec.id(), name)
        .contains(spec);
    // the sos names of different specs are disjoint, so BundleLayout's order does not matter
    assertThat(
            Arrays.stream(Spec.values())
                .filter(s -> s.sosNames().stream().anyMatch(p -> p.matcher(name).matches())))
        .as("specs whose sos names match %s", name)
        .containsExactly(spec);
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void itsCommandTypedAtAPromptMapsBackToIt(Spec spec) {
    String subject = spec.scope() == Spec.Scope.PER_OBJECT ? "br-int" : "";
    assertThat(CommandSpecs.of(spec.command().replace("%s", "br-int")))
        .as("CommandSpecs entry for '%s'", spec.command())
        .contains(new CommandSpecs.SpecCall(spec, subject));
  }

  @ParameterizedTest
  @EnumSource(Spec.class)
  void isCollectedByVmflowCollect(Spec spec) throws IOException {
    Set<Spec> collected = collected();
    if (NOT_COLLECTED.contains(spec)) {
      assertThat(collected)
          .as("%s is collected: drop it from NOT_COLLECTED", spec)
          .doesNotContain(spec);
      return;
    }
    assertThat(collected)
        .as("a run_cmd/show_each line for '%s' in vmflow-collect", spec.command())
        .contains(spec);
  }

  // run_cmd DIR CMD..., show_each DIR CMD... < ids, ofctl DIR VERB BRIDGE (= ovs-ofctl VERB BRIDGE)
  private static final Pattern RUN =
      Pattern.compile(
          "^\\s*(?:if ! )?(run_cmd|show_each|ofctl) \\S+ (.*?)(?:\\s*(?:<|\\|\\||&&|;).*)?$");

  private static Set<Spec> collected() throws IOException {
    Set<Spec> out = EnumSet.noneOf(Spec.class);
    for (String line : Files.readAllLines(COLLECTOR)) {
      Matcher m = RUN.matcher(line);
      if (m.matches()) {
        String command = (m.group(1).equals("ofctl") ? "ovs-ofctl " : "") + m.group(2) + " x";
        CommandSpecs.of(command).ifPresent(c -> out.add(c.spec()));
      }
    }
    return out;
  }

  private static List<Path> fixtures(Spec spec) throws IOException {
    Path folder = FIXTURES.resolve(spec.id());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("SOURCE.md"))
          .sorted()
          .toList();
    }
  }

  /** sos's (and vmflow-collect's {@code sos_name}) rule: other character runs become "_". */
  static String sosName(String command) {
    return command
        .replaceAll("[^A-Za-z0-9_./-]+", "_")
        .replace('/', '.')
        .replaceAll("^[ ._-]+|[ ._-]+$", "");
  }
}
