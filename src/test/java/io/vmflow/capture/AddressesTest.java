package io.vmflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {

  private static byte[] v4(int a) {
    return new byte[] {0, (byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
  }

  @Test
  void everyAddressReadsAsDottedTextAndRepeatsAsTheSameCachedString() {
    Addresses cache = new Addresses();
    // past the table's growth steps and past its cap of 65 536 kept addresses
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < 70_000; i++) {
        int a = 0x0a000000 + i * 7919;
        String text = cache.v4(v4(a), 1);
        assertThat(text)
            .isEqualTo(
                (a >>> 24 & 0xff)
                    + "."
                    + (a >>> 16 & 0xff)
                    + "."
                    + (a >>> 8 & 0xff)
                    + "."
                    + (a & 0xff));
      }
    }
    String first = cache.v4(v4(0x0a000000), 1);
    assertThat(cache.v4(v4(0x0a000000), 1)).isSameAs(first);
    // keys that differ only in their high bits do not collide into one text
    assertThat(cache.v4(v4(0xc0a80001), 1)).isEqualTo("192.168.0.1");
    assertThat(cache.v4(v4(0x40a80001), 1)).isEqualTo("64.168.0.1");
    assertThat(cache.v4(v4(0xffffffff), 1)).isEqualTo("255.255.255.255");
    assertThat(cache.v4(v4(0), 1)).isEqualTo("0.0.0.0");
  }
}
