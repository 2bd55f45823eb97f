package io.vmflow.parse;

import java.util.Map;

/**
 * {@code neutron router-show} / {@code openstack router show}: one router's property table, wrapped
 * cells (continuation rows with an empty Field column) joined.
 */
public record RouterShow(RouterList.Router router, Map<String, String> fields)
    implements ParsedRecord {

  public RouterShow {
    fields = Map.copyOf(fields);
  }
}
