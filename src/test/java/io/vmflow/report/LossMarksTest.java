package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossMarksTest {

  private static final List<String> PATH =
      List.of("tap1", "qbr1", "qvb1", "qvo1", "br-int", "patch-tun", "br-tun");

  private static LossRow loss(String from, String to) {
    return new LossRow(from, to, "reply", 5, "a > b id 1", "", "p1", List.of());
  }

  private static LossRow loss(String from, String to, String... inside) {
    return new LossRow(from, to, "reply", 5, "a > b id 1", "", "p1", List.of(inside));
  }

  @Test
  void devicesBetweenTheTwoPointsAreMarkedNotThePointsThemselves() {
    LossMarks marks = LossMarks.of(PATH, List.of(loss("qvo1", "tap1")));

    assertThat(marks.boxes()).containsExactlyInAnyOrder(1, 2);
    assertThat(marks.edges()).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void adjacentPointsMarkTheFirstThatMissedTheEchoes() {
    LossMarks marks = LossMarks.of(PATH, List.of(loss("br-int", "qvo1")));

    assertThat(marks.boxes()).containsExactly(3);
    assertThat(marks.edges()).containsExactly(3);
  }

  @Test
  void lossTowardsAVmOnTheSameHostMarksOnlyTheSharedBridgeNotTheTunnel() {
    LossMarks marks = LossMarks.of(PATH, List.of(loss("qvo9", "qvo1", "br-int")));

    assertThat(marks.boxes()).containsExactly(4);
    assertThat(marks.edges()).containsExactly(3);
  }

  @Test
  void lossTowardsAVmAcrossTheTunnelMarksThePathUpToTheTunnel() {
    LossMarks marks =
        LossMarks.of(
            PATH,
            List.of(
                loss(
                    "qvo9",
                    "qvo1",
                    "br-int",
                    "patch-int",
                    "br-tun",
                    "vxlan-b",
                    "[a]",
                    "vxlan-a",
                    "br-tun",
                    "patch-tun",
                    "br-int")));

    assertThat(marks.boxes()).containsExactlyInAnyOrder(4, 5, 6);
    assertThat(marks.edges()).containsExactlyInAnyOrder(3, 4, 5);
  }

  @Test
  void lossOffThisPathMarksNothing() {
    LossMarks marks = LossMarks.of(PATH, List.of(loss("tap8", "tap9")));

    assertThat(marks.boxes()).isEmpty();
    assertThat(marks.edges()).isEmpty();
  }
}
