package io.vmflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.PingPairer;
import io.vmflow.ping.PointFlowStats;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Invariants of pairing over generated traffic (random loss, duplicates, reordering, wraps): they
 * hold whatever the traffic, so each repetition draws a new case from its seed.
 */
class PairingInvariantsTest {

  @RepeatedTest(200)
  void countsAddUpAndRttsAreNonNegative(RepetitionInfo info) {
    Random r = new Random(info.getCurrentRepetition());
    PingPairer p = new PingPairer("tap");
    int n = 1 + r.nextInt(3000);
    int start = r.nextInt(65536);
    long t = 1_000_000_000_000L;
    int sent = 0;
    java.util.Set<Integer> lostReplies = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      int seq = (start + i) & 0xffff;
      t += 1_000_000L + r.nextInt(5_000_000);
      if (r.nextInt(20) != 0) {
        p.add("10.0.0.1", "10.0.0.2", true, 9, seq, t);
        sent++;
        if (r.nextInt(30) == 0) {
          p.add("10.0.0.1", "10.0.0.2", true, 9, seq, t + 10);
        }
        if (r.nextInt(10) != 0) {
          p.add("10.0.0.2", "10.0.0.1", false, 9, seq, t + r.nextInt(900_000));
        } else {
          lostReplies.add(i);
        }
      }
    }
    PointFlowStats s = p.finish().get(0);
    assertThat(s.answered() + s.unanswered()).isLessThanOrEqualTo(s.requests());
    assertThat(s.answered()).isLessThanOrEqualTo(s.replies()).isLessThanOrEqualTo(s.requests());
    assertThat(s.requests()).isEqualTo(sent);
    assertThat(
            s.answered()
                + s.unanswered()
                + s.outsideWindow()
                - (s.replies() - s.answered() - s.repliesWithoutRequest()))
        .isEqualTo(s.requests());
    assertThat(s.rttMinMs()).isGreaterThanOrEqualTo(0);
    assertThat(s.rttMaxMs())
        .isGreaterThanOrEqualTo(s.rttAvgMs())
        .isGreaterThanOrEqualTo(s.rttMinMs());
    assertThat(s.rttMaxMs()).isLessThan(1.0);
  }
}
