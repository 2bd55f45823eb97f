package io.vmflow.nightly;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly history scenario on the default H2 file database. */
class NightlyHistoryTest {

  @Test
  void newOpenAndResolvedAcrossThreeRunsThenNothingNew(@TempDir Path tmp) throws Exception {
    NightlyHistoryScenario.run(tmp);
  }
}
