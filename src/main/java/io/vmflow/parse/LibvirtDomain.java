package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;
import java.util.Optional;

/**
 * {@code virsh dumpxml <domain>}: the domain's identity and network interfaces.
 *
 * @param uuid the domain UUID, which is the nova instance id; "" when the output is a fragment
 */
public record LibvirtDomain(String name, String uuid, List<DomainInterface> interfaces)
    implements ParsedRecord {

  public LibvirtDomain {
    interfaces = List.copyOf(interfaces);
  }

  /**
   * {@code <interface type='bridge'>} with its MAC, target device, source bridge and the neutron
   * port id OVS knows it by ({@code <virtualport><parameters interfaceid=.../>}).
   */
  public record DomainInterface(
      String type,
      Optional<MacAddress> mac,
      String targetDev,
      String sourceBridge,
      String interfaceId,
      int line) {}
}
