package io.vmflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Evidence;
import io.vmflow.model.IcmpEcho;
import io.vmflow.model.MacAddress;
import io.vmflow.model.PortNo;
import io.vmflow.parse.OvsOfctlShow;
import io.vmflow.parse.PortShow;
import io.vmflow.parse.TcpdumpText;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Facts are stored as JSON and read back typed: every record must survive the round trip. */
class JsonCodecTest {

  @Test
  void portShowWithOptionalsRoundTrips() {
    PortShow p =
        new PortShow(
            "81e4a23a-4053-40ce-9044-4edbe385b791",
            "",
            "1c65142e-2a4f-4664-b702-2176122a2ea4",
            MacAddress.parse("FA:16:3E:29:FB:13"),
            "bef86639",
            List.of(new PortShow.FixedIp("s", "10.0.0.17")),
            "ACTIVE",
            Optional.of(true),
            "",
            "",
            "",
            Map.of("alias_id", "cell1:1c65142e"),
            5);
    PortShow back = JsonCodec.read(JsonCodec.write(p), PortShow.class);
    assertThat(back).isEqualTo(p);
    assertThat(back.mac()).contains(new MacAddress("fa:16:3e:29:fb:13"));
    assertThat(JsonCodec.write(p)).contains("\"fa:16:3e:29:fb:13\"");
  }

  @Test
  void ofctlShowWithPortNumbersRoundTrips() {
    OvsOfctlShow s =
        new OvsOfctlShow(
            "br-int",
            "",
            List.of(
                new OvsOfctlShow.OfPort(
                    PortNo.LOCAL, "br-int", Optional.empty(), List.of(), List.of("LINK_DOWN"), 3)));
    assertThat(JsonCodec.read(JsonCodec.write(s), OvsOfctlShow.class)).isEqualTo(s);
  }

  @Test
  void echoesKeepMicrosecondTimestamps() {
    IcmpEcho e =
        new IcmpEcho(
            "tap1c65142e-2a",
            Instant.parse("1970-01-01T14:32:10.193922Z"),
            MacAddress.parse("fa:16:3e:63:28:94"),
            Optional.empty(),
            -1,
            "10.0.0.107",
            "10.0.0.17",
            IcmpEcho.EchoType.REQUEST,
            32629,
            10762,
            "f",
            3);
    TcpdumpText t = new TcpdumpText("tap1c65142e-2a", List.of(e));
    TcpdumpText back = JsonCodec.read(JsonCodec.write(t), TcpdumpText.class);
    assertThat(back).isEqualTo(t);
    assertThat(back.echoes().get(0).time().getNano()).isEqualTo(193_922_000);
  }

  @Test
  void hopsRoundTrip() {
    Hop h =
        new Hop(
            "pvo1c65142e-2a",
            HopKind.PATCH,
            "br-int",
            "71",
            15,
            "",
            true,
            "h",
            "pvi1c65142e-2a",
            List.of(),
            List.of(new Evidence("a!/b", 7)));
    assertThat(JsonCodec.read(JsonCodec.write(h), Hop.class)).isEqualTo(h);
  }
}
