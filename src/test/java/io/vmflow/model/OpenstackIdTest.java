package io.vmflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenstackIdTest {

  @Test
  void idsWrittenInEitherCaseAreOneId() {
    assertThat(OpenstackId.of("68569C29-D21D-B211-BB45-0018E1C5D866"))
        .isEqualTo(OpenstackId.of("68569c29-d21d-b211-bb45-0018e1c5d866"));
  }

  @Test
  void lowerCasingIgnoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      // in a Turkish locale, "I".toLowerCase() is a dotless ı
      assertThat(OpenstackId.of("INSTANCE-0000001A").value()).isEqualTo("instance-0000001a");
      assertThat(OpenstackId.key("ID")).isEqualTo("id");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void prefix11IsTheDeviceNamePart() {
    OpenstackId port = OpenstackId.of("1C65142E-2A4F-4664-B702-2176122A2EA4");
    assertThat(port.prefix11()).isEqualTo("1c65142e-2a");
    assertThat(DeviceNames.name("tap", port.value())).isEqualTo("tap" + port.prefix11());
  }

  @Test
  void blankTextIsNoId() {
    assertThat(OpenstackId.parse("  ")).isEmpty();
    assertThat(OpenstackId.parse(" 1c65142e ")).contains(OpenstackId.of("1c65142e"));
  }
}
