package io.vmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

  private static final String[] LOCATIONS = {
    "classpath:db/migration/common", "classpath:db/migration/{vendor}"
  };

  private static JdbcDataSource h2(Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
    ds.setUser("sa");
    return ds;
  }

  private static Optional<Map<String, Integer>> applied(JdbcDataSource ds) throws Exception {
    try (Connection c = ds.getConnection()) {
      return SchemaMigrations.applied(c);
    }
  }

  private static Map<String, Integer> wanted() throws Exception {
    return SchemaMigrations.wanted(
            List.of("classpath:db/migration/common", "classpath:db/migration/h2"))
        .orElseThrow();
  }

  @Test
  void aNewDatabaseIsMigratedByFlywayAndThenCountsAsCurrent(@TempDir Path tmp) throws Exception {
    JdbcDataSource ds = h2(tmp);
    assertThat(applied(ds)).as("no history table yet").isEmpty();

    new SchemaMigrations(ds, LOCATIONS).afterPropertiesSet();

    // the checksums computed here are the ones Flyway recorded, script by script
    assertThat(applied(ds)).contains(wanted());
    assertThat(wanted()).containsKeys("1", "2", "3", "4", "5");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      assertThat(s.executeQuery("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE").next()).isTrue();
    }
  }

  @Test
  void aCurrentSchemaIsLeftAloneWithoutStartingFlyway(@TempDir Path tmp) throws Exception {
    JdbcDataSource ds = h2(tmp);
    AtomicInteger first = new AtomicInteger();
    new SchemaMigrations(counting(ds, first), LOCATIONS).afterPropertiesSet();
    assertThat(first.get()).as("connections Flyway opened on a new database").isGreaterThan(1);

    AtomicInteger second = new AtomicInteger();
    new SchemaMigrations(counting(ds, second), LOCATIONS).afterPropertiesSet();
    assertThat(second.get()).as("only the history check's own connection").isEqualTo(1);
    assertThat(applied(ds)).contains(wanted());
  }

  /** The data source, counting the connections taken from it. */
  private static DataSource counting(DataSource ds, AtomicInteger connections) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                connections.incrementAndGet();
              }
              try {
                return method.invoke(ds, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void aChangedScriptGoesToFlywayWhoseValidationReportsIt(@TempDir Path tmp) throws Exception {
    JdbcDataSource ds = h2(tmp);
    new SchemaMigrations(ds, LOCATIONS).afterPropertiesSet();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '2'");
    }
    assertThat(applied(ds)).isNotEqualTo(Optional.of(wanted()));
    assertThatThrownBy(() -> new SchemaMigrations(ds, LOCATIONS).afterPropertiesSet())
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aFailedMigrationRowIsNotVouchedFor(@TempDir Path tmp) throws Exception {
    JdbcDataSource ds = h2(tmp);
    new SchemaMigrations(ds, LOCATIONS).afterPropertiesSet();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '5'");
    }
    assertThat(applied(ds)).isEmpty();
  }
}
