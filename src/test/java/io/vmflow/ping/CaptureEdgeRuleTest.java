package io.vmflow.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The capture-edge rule: requests of the capture's last second count as "outside the window" only
 * when the point saw this flow answered up to the edge; a total loss never reads partial.
 */
class CaptureEdgeRuleTest {

  private static final long MS = 1_000_000L;
  private static final long T0 = 1_700_000_000_000L * MS;

  /** 20 requests 200 ms apart; a reply 1 ms after each request not in {@code unanswered}. */
  private static PointFlowStats run(boolean replies, Set<Integer> unanswered) {
    PingPairer p = new PingPairer("tap1");
    for (int i = 0; i < 20; i++) {
      long t = T0 + i * 200 * MS;
      p.seen(t);
      p.add("10.0.0.11", "10.0.0.12", true, 7, i, t);
      if (replies && !unanswered.contains(i)) {
        p.seen(t + MS);
        p.add("10.0.0.12", "10.0.0.11", false, 7, i, t + MS);
      }
    }
    return p.finish().get(0);
  }

  @Test
  void aTotalLossCountsEveryRequestAsUnanswered() {
    PointFlowStats s = run(false, Set.of());

    assertThat(s.requests()).isEqualTo(20);
    assertThat(s.unanswered()).isEqualTo(20);
    assertThat(s.outsideWindow()).isZero();
  }

  @Test
  void aHealthyFlowCutByTheCaptureEndIsOutsideTheWindowNotLost() {
    PointFlowStats s = run(true, Set.of(19));

    assertThat(s.answered()).isEqualTo(19);
    assertThat(s.unanswered()).isZero();
    assertThat(s.outsideWindow()).isEqualTo(1);
  }

  @Test
  void aPartialLossKeepsItsLossAndItsEdge() {
    PointFlowStats s = run(true, Set.of(3, 7, 19));

    assertThat(s.unanswered()).isEqualTo(2);
    assertThat(s.outsideWindow()).isEqualTo(1);
    assertThat(s.answered() + s.unanswered() + s.outsideWindow()).isEqualTo(s.requests());
  }

  @Test
  void repliesThatStoppedBeforeTheEdgeMakeTheLastRequestsLost() {
    PointFlowStats s = run(true, Set.of(8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19));

    assertThat(s.unanswered()).isEqualTo(12);
    assertThat(s.outsideWindow()).isZero();
  }
}
