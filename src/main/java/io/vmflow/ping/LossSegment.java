package io.vmflow.ping;

/**
 * Echoes that were seen at capture point {@code from} and never at the next point {@code to} of
 * their way.
 *
 * @param direction {@code request} or {@code reply}
 * @param seen how many were seen at {@code from}
 * @param lost how many of them never reached {@code to}
 * @param inside devices between the two points, where the loss lies ("" when adjacent)
 */
public record LossSegment(
    String from, String to, String direction, long seen, long lost, String flow, String inside) {

  /** "45 of 100 echo replies seen at tap… never reached qvm…: lost inside qbr…". */
  public String sentence() {
    String what = direction.equals("request") ? "echo requests" : "echo replies";
    return lost
        + " of "
        + seen
        + " "
        + what
        + " ("
        + flow
        + ") seen at "
        + from
        + " never reached "
        + to
        + (inside.isEmpty() ? ": lost between them" : ": lost inside " + inside);
  }
}
