package io.vmflow.report;

import java.util.List;

/**
 * A loss localised between two capture points of a VM's path.
 *
 * @param direction {@code request} or {@code reply}
 * @param sentence what a responder reads, e.g. "45 of 100 echo replies seen at tap… never reached
 *     qvm…: lost inside qbr…"
 * @param port id of the VM port on whose path the loss was localised
 * @param inside the devices between the two points on the flow's path, in order, where the loss
 *     lies
 */
public record LossRow(
    String from,
    String to,
    String direction,
    long lost,
    String flow,
    String sentence,
    String port,
    List<String> inside) {

  public LossRow {
    inside = inside == null ? List.of() : List.copyOf(inside);
  }
}
