package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import org.junit.jupiter.api.Test;

class FindingKeysTest {

  static Finding f(String code, String message) {
    return Finding.network(Severity.WARNING, code, message, "o", 1);
  }

  @Test
  void aCounterThatGrewTwoNightsKeepsOneKey() {
    String monday =
        FindingKeys.of(
            f(
                "INTERFACE_DROPS",
                "tap9e on c-a: tx_dropped rose by 20 over 24 s (0 → 20; ip -s link)"));
    String tuesday =
        FindingKeys.of(
            f(
                "INTERFACE_DROPS",
                "tap9e on c-a: tx_dropped rose by 7 over 11 s (31 → 38; ip -s link)"));
    assertThat(monday)
        .isEqualTo(tuesday)
        .isEqualTo("INTERFACE_DROPS|tap9e on c-a: tx_dropped rose by");
  }

  @Test
  void otherDevicesCountersAndSinceBootKeyApart() {
    String grew =
        FindingKeys.of(f("INTERFACE_DROPS", "tap9e on c-a: tx_dropped rose by 20 over 24 s"));
    assertThat(
            FindingKeys.of(f("INTERFACE_DROPS", "tap9f on c-a: tx_dropped rose by 20 over 24 s")))
        .isNotEqualTo(grew);
    assertThat(
            FindingKeys.of(f("INTERFACE_DROPS", "tap9e on c-a: rx_dropped rose by 20 over 24 s")))
        .isNotEqualTo(grew);
    assertThat(
            FindingKeys.of(
                f("INTERFACE_DROPS", "tap9e on c-a: tx_dropped 40 since boot (ip -s link)")))
        .isNotEqualTo(grew);
    assertThat(
            FindingKeys.of(
                f(
                    "UPCALL_FLOW_LIMIT",
                    "system@ovs-system on c-a: flows (current 2000) (max 2000)")))
        .isEqualTo("UPCALL_FLOW_LIMIT|system@ovs-system on c-a: flows (current");
  }

  @Test
  void otherFindingsKeepTheirWholeMessage() {
    assertThat(FindingKeys.of(f("PORT_DOWN", "tap1 on c-a is DOWN (2 of 3)")))
        .isEqualTo("PORT_DOWN|tap1 on c-a is DOWN (2 of 3)");
  }
}
