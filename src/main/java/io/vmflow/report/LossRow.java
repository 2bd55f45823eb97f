package io.vmflow.report;

/**
 * A loss localised between two capture points of a VM's path.
 *
 * @param direction {@code request} or {@code reply}
 * @param sentence what a responder reads, e.g. "45 of 100 echo replies seen at tap… never reached
 *     qvm…: lost inside qbr…"
 * @param port id of the VM port on whose path the loss was localised
 */
public record LossRow(
    String from,
    String to,
    String direction,
    long lost,
    String flow,
    String sentence,
    String port) {}
