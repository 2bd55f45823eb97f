package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTextTest {

  @TempDir Path dir;

  private static Verdict.Line loss(String vm, String what, String why) {
    return new Verdict.Line(
        "ERROR",
        "PING_LOSS_LOCALISED",
        "id-" + vm,
        vm,
        "",
        "",
        List.of(),
        what,
        "the link between qbr1 and tap1 on compute-a",
        why,
        null,
        "capture on tap1");
  }

  @Test
  void eachProblemIsABlockAndTheCoverageCloses() {
    List<String> lines =
        VerdictText.lines(
            new Verdict(
                List.of(
                    loss("lab-vm1", "7 of 20 echo replies from lab-vm2 to lab-vm1 lost", "a rule"),
                    loss("lab-vm2", "3 of 20 echo requests from lab-vm2 to lab-vm3 lost", "")),
                "3 VMs on 2 hosts"));

    assertThat(lines)
        .containsExactly(
            "ERROR lab-vm1: 7 of 20 echo replies from lab-vm2 to lab-vm1 lost",
            "  where: the link between qbr1 and tap1 on compute-a",
            "  why:   a rule",
            "  next:  capture on tap1",
            "ERROR lab-vm2: 3 of 20 echo requests from lab-vm2 to lab-vm3 lost",
            "  where: the link between qbr1 and tap1 on compute-a",
            "  why:   no finding in the dump explains it yet",
            "  next:  capture on tap1",
            "covered: 3 VMs on 2 hosts");
    assertThat(VerdictText.lines(new Verdict(List.of(), "1 VM on 1 host")))
        .containsExactly("OK: no problem found", "covered: 1 VM on 1 host");
  }

  @Test
  void aNameFromTheDumpCannotDriveTheTerminal() {
    List<String> lines =
        VerdictText.lines(
            new Verdict(List.of(loss("vm\u001b[2J\u009b1m\r", "lost", "")), "covered"));
    assertThat(lines.get(0)).isEqualTo("ERROR vm?[2J?1m?: lost");
  }

  @Test
  void theHeadIsTheFirstProblemsAndSaysHowManyMore() throws Exception {
    List<Verdict.Line> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(loss("vm" + i, i + " of 20 lost", "why " + i));
    }
    VerdictText.write(new Verdict(five, "5 VMs"), dir);

    List<String> head = VerdictText.head(dir, 3);
    assertThat(head).hasSize(3 * 4 + 1);
    assertThat(head.get(0)).isEqualTo("ERROR vm1: 1 of 20 lost");
    assertThat(head.get(8)).isEqualTo("ERROR vm3: 3 of 20 lost");
    assertThat(head.get(12)).isEqualTo("(2 more in the report)");
    VerdictText.write(new Verdict(five.subList(0, 1), "1 VM"), dir);
    assertThat(VerdictText.head(dir, 3)).hasSize(4).last().isEqualTo("  next:  capture on tap1");
  }
}
