package io.vmflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ipv4Test {

  @Test
  void prefixesHoldTheirAddressesOnly() {
    assertThat(Ipv4.inPrefix("192.168.21.1/24", "192.168.21.77")).isTrue();
    assertThat(Ipv4.inPrefix("192.168.21.1/24", "192.168.22.1")).isFalse();
    assertThat(Ipv4.inPrefix("0.0.0.0/0", "8.8.8.8")).isTrue();
    assertThat(Ipv4.inPrefix("10.0.0.5/32", "10.0.0.5")).isTrue();
    assertThat(Ipv4.inPrefix("10.0.0.5/33", "10.0.0.5")).isFalse();
    assertThat(Ipv4.inPrefix("fe80::/64", "fe80::1")).isFalse();
    assertThat(Ipv4.inPrefix("10.0.0.0", "10.0.0.0")).isFalse();
  }

  @Test
  void rangesAreInclusive() {
    assertThat(Ipv4.inRange("10.0.0.2-10.0.0.254", "10.0.0.2")).isTrue();
    assertThat(Ipv4.inRange("10.0.0.2-10.0.0.254", "10.0.0.254")).isTrue();
    assertThat(Ipv4.inRange("10.0.0.2-10.0.0.254", "10.0.0.1")).isFalse();
    assertThat(Ipv4.inRange("10.0.0.2-10.0.0.254", "10.0.1.2")).isFalse();
    assertThat(Ipv4.inRange("10.0.0.2", "10.0.0.2")).isFalse();
  }

  @Test
  void onlyDottedQuadsHaveAValue() {
    assertThat(Ipv4.value("10.20.0.11")).isEqualTo(0x0a14000bL);
    assertThat(Ipv4.value("255.255.255.255")).isEqualTo(0xffffffffL);
    assertThat(Ipv4.value("256.0.0.1")).isEqualTo(-1);
    assertThat(Ipv4.value("10.0.0")).isEqualTo(-1);
    assertThat(Ipv4.value("a.b.c.d")).isEqualTo(-1);
  }
}
