package io.vmflow.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nova list} / {@code openstack server list}: one row per server. Rows cut by {@code grep}
 * may hold only some columns; a bare UUID line gives a server with only its id.
 */
public record ServerList(List<Server> servers) implements ParsedRecord {

  public ServerList {
    servers = List.copyOf(servers);
  }

  /**
   * @param networks the Networks column as printed ({@code private=10.0.0.17; public=...})
   * @param ips every IP address found in the Networks column
   * @param extra columns vmflow does not model, header -> cell
   */
  public record Server(
      String id,
      String name,
      String status,
      String taskState,
      String powerState,
      String networks,
      List<String> ips,
      Map<String, String> extra,
      int line) {
    public Server {
      ips = List.copyOf(ips);
      extra = Map.copyOf(extra);
    }
  }

  public Optional<Server> server(String id) {
    return servers.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
  }
}
