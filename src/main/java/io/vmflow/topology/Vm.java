package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * A VM with everything the dump says about it.
 *
 * @param hostKey {@link Host#key()} of the host it runs on, "" when unknown
 * @param routers routers attached to its networks, as "name (distributed)" style descriptions
 */
public record Vm(
    String id,
    String name,
    String status,
    String hostKey,
    List<VmPort> ports,
    List<RouterInfo> routers,
    List<Evidence> evidence) {

  public Vm {
    ports = List.copyOf(ports);
    routers = List.copyOf(routers);
    evidence = List.copyOf(evidence);
  }

  /**
   * A router serving one of the VM's networks.
   *
   * @param externalNetworkId its external gateway's network, "" when it has none
   * @param externalIps its external gateway's fixed IPs
   * @param snat {@code true}/{@code false} as external_gateway_info's enable_snat says, "" when not
   *     said
   */
  public record RouterInfo(
      String id,
      String name,
      boolean distributed,
      boolean ha,
      List<Evidence> evidence,
      String externalNetworkId,
      List<String> externalIps,
      String snat) {
    public RouterInfo {
      evidence = List.copyOf(evidence);
      externalNetworkId = externalNetworkId == null ? "" : externalNetworkId;
      externalIps = externalIps == null ? List.of() : List.copyOf(externalIps);
      snat = snat == null ? "" : snat;
    }

    /** A router without external gateway details. */
    public RouterInfo(
        String id, String name, boolean distributed, boolean ha, List<Evidence> evidence) {
      this(id, name, distributed, ha, evidence, "", List.of(), "");
    }

    /**
     * Its properties in one line: {@code distributed, external gateway <net> (<ips>), SNAT off}.
     */
    public String describe() {
      return (distributed ? "distributed" : "centralised")
          + (ha ? ", HA" : "")
          + (externalNetworkId.isEmpty()
              ? ", no external gateway"
              : ", external gateway "
                  + externalNetworkId
                  + (externalIps.isEmpty() ? "" : " (" + String.join(", ", externalIps) + ")"))
          + (snat.isEmpty() ? "" : snat.equals("true") ? ", SNAT on" : ", SNAT off");
    }
  }
}
