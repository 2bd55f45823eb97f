package io.vmflow.nightly;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same nightly history scenario with the job repository and history in a real PostgreSQL server
 * started by the test (Debian package {@code postgresql}, installed by .ci/run).
 */
class NightlyHistoryPostgresTest {

  @Test
  void sameHistoryOnPostgres(@TempDir Path tmp) throws Exception {
    Optional<Path> bin = PostgresServer.binaries();
    assumeTrue(
        bin.isPresent() && !System.getenv().containsKey("VMFLOW_SKIP_POSTGRES"),
        "PostgreSQL server binaries not installed");
    Path pg = Files.createTempDirectory("vmflow-pg");
    try (PostgresServer server = PostgresServer.start(bin.get(), pg)) {
      NightlyHistoryScenario.run(tmp, "--db", server.jdbcUrl(), "--db-user", "postgres");
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(pg);
    }
  }
}
