package io.vmflow.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The masking rules, value by value, against what sos clean's mappings (sosreport/sos
 * sos/cleaner/mappings/*.py at 5c7e63ee22a96435d16e07c1bcb53faa8020a498) give for the same input in
 * the same order, and the substitution's edges.
 */
class RedactionMapTest {

  @Test
  void ipv4NetworksBecomeNetworksFrom100WithTheirPrefixAndHostsNumberedInOrder() {
    RedactionMap map = new RedactionMap();
    map.ipv4.network("172.29.0.5/16");
    map.ipv4.network("10.0.0.0/24");

    assertThat(map.ip("172.29.0.5")).isEqualTo("100.0.0.1");
    assertThat(map.ip("172.29.255.255")).isEqualTo("100.0.255.255");
    assertThat(map.ip("10.0.0.17")).isEqualTo("101.0.0.1");
    assertThat(map.ip("10.0.0.107")).isEqualTo("101.0.0.2");
    assertThat(map.ip("10.0.0.17")).as("consistent").isEqualTo("101.0.0.1");
    assertThat(map.ip("10.0.0.0")).isEqualTo("101.0.0.0");
    assertThat(map.ipv4.section())
        .containsEntry("172.29.0.0/16", "100.0.0.0/16")
        .containsEntry("172.29.0.5/16", "100.0.0.1/16")
        .containsEntry("10.0.0.0/24", "101.0.0.0/24");
  }

  @Test
  void ipv4KeepsWhatSosIgnoresAndPutsAnAddressOfNoKnownNetworkInItsSlash24() {
    RedactionMap map = new RedactionMap();
    assertThat(map.ip("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(map.ip("169.254.169.254")).isEqualTo("169.254.169.254");
    assertThat(map.ip("255.255.255.0")).isEqualTo("255.255.255.0");
    assertThat(map.ip("0.0.0.0")).isEqualTo("0.0.0.0");
    assertThat(map.ip("192.168.7.20")).isEqualTo("100.0.0.1");
    assertThat(map.ip("192.168.7.21")).as("same /24, same masked /24").isEqualTo("100.0.0.2");
    assertThat(map.ip("192.168.8.20")).isEqualTo("101.0.0.1");
  }

  @Test
  void macsGetTheSosPrefixACounterAndSosDigitTable() {
    RedactionMap map = new RedactionMap();
    assertThat(map.mac("FA-16-3E-29-FB-13")).isEqualTo("53:4f:53:00:00:01");
    assertThat(map.mac("fa:16:3e:29:fb:13")).isEqualTo("53:4f:53:00:00:01");
    assertThat(map.mac("ff:ff:ff:ff:ff:ff")).isEqualTo("ff:ff:ff:ff:ff:ff");
    assertThat(map.mac("00:00:00:00:00:00")).isEqualTo("00:00:00:00:00:00");
    IntStream.range(2, 12).forEach(i -> map.mac(String.format("4e:62:11:3f:ce:%02x", i)));
    // sos's table "0123456789abdcef" writes 12 as 0d and 13 as 0c
    assertThat(map.mac("de:08:69:fc:a6:4a")).isEqualTo("53:4f:53:00:00:0d");
    assertThat(map.mac("de:08:69:fc:a6:4b")).isEqualTo("53:4f:53:00:00:0c");
  }

  @Test
  void aTapMacKeepsSharingItsLastFiveOctetsWithItsVmsMac() {
    RedactionMap map = new RedactionMap();
    String tap = map.mac("fe:16:3e:29:fb:13");
    String vm = map.mac("fa:16:3e:29:fb:13");
    assertThat(vm).isEqualTo("53:4f:53:00:00:01");
    assertThat(tap).isEqualTo("fe:4f:53:00:00:01");
    assertThat(tap.substring(3)).isEqualTo(vm.substring(3));
  }

  @Test
  void hostNamesAndDomainsAsSosNumbersThem() {
    RedactionMap map = new RedactionMap();
    assertThat(map.host("BC11HGSA0")).isEqualTo("host0");
    assertThat(map.host("compute-1.cloud.example.com")).isEqualTo("host1.obfuscateddomain0.com");
    assertThat(map.host("compute-2.cloud.example.com")).isEqualTo("host2.obfuscateddomain0.com");
    assertThat(map.host("example.org")).isEqualTo("obfuscateddomain1.org");
    assertThat(map.host("localhost")).isEqualTo("localhost");
    assertThat(map.keyword("acme")).isEqualTo("obfuscatedword0");
    assertThat(map.keyword("ACME")).isEqualTo("obfuscatedword0");
  }

  @Test
  void ipv6AsSos() {
    RedactionMap map = new RedactionMap();
    assertThat(map.ip("2001:db8:1:2::5")).isEqualTo("fd53:0001:0002:0003::0004");
    assertThat(map.ip("2a00:1450:4001:82a::200e")).isEqualTo("534f:0005:0006:0007::0008");
    assertThat(map.ip("fe80::f816:3eff:fe29:fb13")).isEqualTo("fe80::0009:000a:000b:000c");
    assertThat(map.ip("::1")).isEqualTo("::1");
    assertThat(map.ip("2001:db8:1:2::5")).as("consistent").isEqualTo("fd53:0001:0002:0003::0004");
  }

  @Test
  void portIdsGetNewIdsWhosePrefixDeviceNamesFollow() {
    RedactionMap map = new RedactionMap();
    String port = map.words.port("1c65142e-2a4f-4664-b702-2176122a2ea4");
    Substitution s = map.substitution();

    assertThat(port).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(s.apply("tap1c65142e-2a qvm1C65142E-2a port 1c65142e-2a4f-4664-b702-2176122a2ea4"))
        .isEqualTo(
            "tap" + port.substring(0, 11) + " qvm" + port.substring(0, 11) + " port " + port);
  }

  @Test
  void substitutionTakesTheLongestValueAndRespectsEdges() {
    RedactionMap map = new RedactionMap();
    map.ipv4.network("10.0.0.0/24");
    map.ip("10.0.0.1");
    map.ip("10.0.0.17");
    map.host("compute");
    map.host("compute-a");
    map.keyword("status");
    Substitution s = map.substitution();

    assertThat(s.apply("10.0.0.17 > 10.0.0.1, 10.0.0.1/24, 110.0.0.1, 10.0.0.1.5"))
        .isEqualTo("100.0.0.2 > 100.0.0.1, 100.0.0.1/24, 110.0.0.1, 10.0.0.1.5");
    assertThat(s.apply("compute-a compute host-compute.html computer"))
        .isEqualTo("host1 host0 host-host0.html computer");
    assertThat(s.apply("<status> a status </status> <p status=\"x\"> charm-status=br"))
        .as("tag and attribute names kept")
        .isEqualTo(
            "<status> a obfuscatedword0 </status> <p status=\"x\"> charm-obfuscatedword0=br");
  }
}
