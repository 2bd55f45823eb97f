package io.vmflow.report;

import java.util.List;

/**
 * A flow between two VMs drawn as the one path it takes, with the boxes captured on and the loss
 * segment marked.
 *
 * @param flow {@code src > dst id N}
 * @param from name (else id) of the VM that sends the echo requests
 * @param to name (else id) of the VM that answers them
 * @param boxes the devices of the flow's path, sender first
 * @param losses the loss segments localised along this path, as sentences
 */
public record FlowView(String flow, String from, String to, List<Box> boxes, List<String> losses) {

  public FlowView {
    boxes = List.copyOf(boxes);
    losses = List.copyOf(losses);
  }

  /** True when any box of the path is marked as where echoes were lost. */
  public boolean hasLoss() {
    return boxes.stream().anyMatch(Box::marked);
  }

  /**
   * One device of the flow's path.
   *
   * @param vm id of the VM whose hop this is, "" for the shared middle (bridges, tunnel)
   * @param captured true when the device was captured on while the flow went on
   * @param requests distinct echo requests of the flow seen there (0 when not captured)
   * @param replies distinct echo replies seen there
   * @param marked true when the box lies in a loss segment
   * @param lossAfter true when the link to the next box lies in a loss segment
   */
  public record Box(
      String device,
      String kind,
      String host,
      boolean captured,
      long requests,
      long replies,
      boolean marked,
      boolean lossAfter) {}
}
