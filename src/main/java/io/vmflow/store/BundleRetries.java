package io.vmflow.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Nightly bundles whose archive ended early: status {@code RETRY} (not DONE), analysed again next
 * run; if the content is unchanged by then, the truncation is what the bundle is.
 */
@Repository
public class BundleRetries {

  public static final String RETRY = "RETRY";

  private final JdbcTemplate jdbc;

  public BundleRetries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void markRetry(String sha256, String message) {
    jdbc.update(
        "UPDATE nightly_bundle SET status = ?, message = ? WHERE sha256 = ?",
        RETRY,
        message.length() > 4000 ? message.substring(0, 4000) : message,
        sha256);
  }
}
