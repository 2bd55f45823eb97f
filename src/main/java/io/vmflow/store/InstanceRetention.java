package io.vmflow.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Drops the facts of superseded job instances, so reruns into one folder do not pile up. */
@Repository
public class InstanceRetention {

  private static final String[] TABLES = {"catalog_entry", "fact", "finding", "stage_result"};

  private final JdbcTemplate jdbc;

  public InstanceRetention(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes every fact not of {@code instanceId}; returns the rows deleted. */
  public int keepOnly(long instanceId) {
    int n = 0;
    for (String t : TABLES) {
      n += jdbc.update("DELETE FROM " + t + " WHERE instance_id <> ?", instanceId);
    }
    return n;
  }
}
