package io.vmflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.model.MacAddress;
import io.vmflow.parse.IpLink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A device read by several {@code ip} outputs keeps the state of the newest: the collector's
 * counter reading before its capture saw the tap UP, the host's dump after the fault saw it DOWN
 * (the lab's tap-down bundle; which one was read first depended on the archive's order).
 */
class DeviceStateReadingsTest {

  private static final String BEFORE =
      "b/capture-vm2/vmflow-a/sos_commands/counters/before-1796154817816/ip_-s_-s_-d_link";
  private static final String AFTER =
      "b/capture-vm2/vmflow-a/sos_commands/counters/after-1796154836279/ip_-s_-s_-d_link";
  private static final String HOST = "b/host/vmflow-a/sos_commands/networking/ip_-d_link";

  @Test
  void theHostsOwnDumpGivesTheStateWhicheverIsReadFirst() {
    var up = tap(List.of("BROADCAST", "MULTICAST", "UP", "LOWER_UP"), "UNKNOWN", BEFORE);
    var down = tap(List.of("BROADCAST", "MULTICAST"), "DOWN", HOST);
    assertThat(HostFacts.richer(up, down).value().state()).isEqualTo("DOWN");
    assertThat(HostFacts.richer(down, up).value().state()).isEqualTo("DOWN");
  }

  @Test
  void theReadingAfterTheCaptureIsNewerThanTheOneBefore() {
    var before = tap(List.of("BROADCAST", "MULTICAST", "UP", "LOWER_UP"), "UNKNOWN", BEFORE);
    var after = tap(List.of("BROADCAST", "MULTICAST"), "DOWN", AFTER);
    assertThat(HostFacts.richer(before, after).value().state()).isEqualTo("DOWN");
    assertThat(HostFacts.richer(after, before).value().state()).isEqualTo("DOWN");
  }

  private static HostFacts.Located<IpLink.LinkDevice> tap(
      List<String> flags, String state, String origin) {
    return new HostFacts.Located<>(
        new IpLink.LinkDevice(
            12,
            "tap9e8d7c6b-5a",
            "",
            flags,
            1500,
            "qbr9e8d7c6b-5a",
            state,
            MacAddress.parse("fe:16:3e:22:22:02"),
            "tun",
            List.of(),
            1,
            List.of(),
            Optional.empty(),
            List.of()),
        origin);
  }
}
