package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.parse.OvsAppctlOfprotoTrace;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A flood of an unknown destination is not a misdelivery: on the lab's qr-wrong-tag run, vm1's
 * requests to its gateway reached compute-b over the tunnel and were flooded to vm3's port there,
 * which the report called "leaves by qvob4c5d6e7-f8, a port of lab-vm3" (an ERROR) before.
 */
class FloodTraceTest {

  private static OvsAppctlOfprotoTrace trace(String file) throws Exception {
    Path p = Path.of("src/test/resources/trace", file);
    return (OvsAppctlOfprotoTrace)
        ParserRegistry.parserFor(Spec.OVS_APPCTL_OFPROTO_TRACE)
            .orElseThrow()
            .parse(
                new SourceText(Spec.OVS_APPCTL_OFPROTO_TRACE, p.toString(), Files.readAllLines(p)))
            .value()
            .orElseThrow();
  }

  @Test
  void aFloodOfAnUnknownDestinationIsNotAMisdelivery() throws Exception {
    OvsAppctlOfprotoTrace flood = trace("qr-wrong-tag_compute-b_ofproto-trace.txt");
    assertThat(flood.datapathActions()).isEqualTo("push_vlan(vid=3,pcp=0),1,pop_vlan,4");
    assertThat(flood.steps())
        .filteredOn(Misdelivery::floods)
        .extracting(OvsAppctlOfprotoTrace.Step::bridge)
        .containsExactly("br-int");
  }

  @Test
  void aLearnedPortOrARulesOutputIsNoFlood() throws Exception {
    OvsAppctlOfprotoTrace unicast = trace("misdeliver_compute-a_ofproto-trace.txt");
    assertThat(unicast.datapathActions()).isEqualTo("3");
    assertThat(unicast.steps()).noneMatch(Misdelivery::floods);
  }
}
