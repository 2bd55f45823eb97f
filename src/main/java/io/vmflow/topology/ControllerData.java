package io.vmflow.topology;

import java.util.List;

/**
 * Data a dump holds from a machine that is not a hypervisor (a controller's nova and neutron
 * tables): shown as controller data on the index, never as a host with an empty page.
 *
 * @param key the identity the dump uses for it
 * @param name its host name when the dump gives one, else the key
 * @param outputs the kinds of output read from it ({@code nova-list}, {@code neutron-port-list})
 * @param origins the files they came from, one per kind, in the same order
 */
public record ControllerData(String key, String name, List<String> outputs, List<String> origins) {

  public ControllerData {
    outputs = List.copyOf(outputs);
    origins = List.copyOf(origins);
  }
}
