package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.parse.BrctlShow;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.report.ReportWriter;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void reachableTypesFollowRecordsCollectionsAndSealedInterfaces() {
    var types = Warmup.reachable(List.of(Topology.class, ParsedRecord.class));
    assertThat(types).startsWith(Topology.class, ParsedRecord.class);
    assertThat(types)
        .as("a record in a list of a record; a permitted class of the sealed interface")
        .contains(Hop.class, BrctlShow.class, io.vmflow.model.MacAddress.class)
        .allMatch(c -> c.getName().startsWith("io.vmflow."));
  }

  @Test
  void theWarmUpRunsThroughAndTheReportPreparationFailsNowhere() {
    // both are quiet about failures in production (DEBUG log): here each must simply complete
    ReportWriter.prepare();
    assertThat(Warmup.run()).as("items that failed").isZero();
  }
}
