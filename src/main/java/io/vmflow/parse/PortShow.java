package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code neutron port-show} / {@code openstack port show}: one port's property table.
 *
 * @param aliasId FusionSphere's {@code alias_id} with any {@code cell1:} prefix removed, "" when
 *     absent; device names derive from it instead of the port id
 * @param adminStateUp empty when the output did not show it
 * @param fields every property row, name -> value
 */
public record PortShow(
    String id,
    String name,
    String aliasId,
    Optional<MacAddress> mac,
    String networkId,
    List<FixedIp> fixedIps,
    String status,
    Optional<Boolean> adminStateUp,
    String deviceId,
    String deviceOwner,
    String bindingHostId,
    Map<String, String> fields,
    int line)
    implements ParsedRecord {

  public PortShow {
    fixedIps = List.copyOf(fixedIps);
    fields = Map.copyOf(fields);
  }

  // security_groups: "1f0ddd73-7e3c-48bd-a64c-7ded4fe0e635" (one a line, or comma separated)
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // allowed_address_pairs: {"ip_address": "10.0.0.0/24", "mac_address": "fa:16:3e:..."} (neutron)
  // or ip_address='10.0.0.5', mac_address='fa:16:3e:...' (openstack client)
  private static final Pattern PAIR_IP =
      Pattern.compile("ip_address[\"']?\\s*[:=]\\s*[\"']([0-9a-fA-F.:/]+)[\"']");

  /**
   * The ids of the port's security groups ({@code security_groups}, the openstack client's {@code
   * security_group_ids}), empty when none shown.
   */
  public List<String> securityGroups() {
    List<String> out = new java.util.ArrayList<>();
    Matcher m =
        UUID.matcher(
            fields.getOrDefault("security_groups", "")
                + " "
                + fields.getOrDefault("security_group_ids", ""));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** {@code port_security_enabled}; empty when the output did not show it. */
  public Optional<Boolean> portSecurity() {
    String v = fields.getOrDefault("port_security_enabled", "").trim();
    return v.equalsIgnoreCase("true")
        ? Optional.of(true)
        : v.equalsIgnoreCase("false") ? Optional.of(false) : Optional.empty();
  }

  /** The addresses or CIDRs of {@code allowed_address_pairs}. */
  public List<String> allowedAddresses() {
    List<String> out = new java.util.ArrayList<>();
    Matcher m = PAIR_IP.matcher(fields.getOrDefault("allowed_address_pairs", ""));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** One fixed IP: {@code {"subnet_id": "...", "ip_address": "10.0.0.17"}}. */
  public record FixedIp(String subnetId, String ipAddress) {}
}
