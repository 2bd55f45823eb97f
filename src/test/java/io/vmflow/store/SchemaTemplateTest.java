package io.vmflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTemplateTest {

  private static final String[] LOCATIONS = {
    "classpath:db/migration/common", "classpath:db/migration/{vendor}"
  };

  private static String url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  private static JdbcDataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    return ds;
  }

  private static Map<String, Integer> wanted() throws Exception {
    return SchemaMigrations.wanted(SchemaTemplate.H2_LOCATIONS).orElseThrow();
  }

  @Test
  void onlyAnAbsoluteH2FileUrlNamesAFile() {
    assertThat(SchemaTemplate.h2File("jdbc:h2:file:/out/.vmflow/vmflow;DB_CLOSE_ON_EXIT=FALSE"))
        .contains(Path.of("/out/.vmflow/vmflow.mv.db"));
    assertThat(SchemaTemplate.h2File("jdbc:h2:file:/out/db")).contains(Path.of("/out/db.mv.db"));
    assertThat(SchemaTemplate.h2File("jdbc:h2:mem:x")).isEmpty();
    assertThat(SchemaTemplate.h2File("jdbc:h2:file:~/db")).isEmpty();
    assertThat(SchemaTemplate.h2File("jdbc:h2:file:relative/db")).isEmpty();
    assertThat(SchemaTemplate.h2File("jdbc:postgresql://db/vmflow")).isEmpty();
    assertThat(SchemaTemplate.h2File("")).isEmpty();
  }

  @Test
  void theBuildsTemplateHoldsExactlyTheMigrationsOnTheClasspath() throws Exception {
    assertThat(SchemaTemplate.held()).isEqualTo(wanted()).containsKeys("1", "2", "5");
  }

  @Test
  void aNewDatabaseIsCopiedFromTheTemplateAndFlywayIsNotStarted(@TempDir Path tmp)
      throws Exception {
    String url = url(tmp);
    AtomicInteger connections = new AtomicInteger();

    new SchemaMigrations(counting(h2(url), connections), LOCATIONS, url).afterPropertiesSet();

    assertThat(connections.get()).as("only the history check's own connection").isEqualTo(1);
    try (Connection c = h2(url).getConnection();
        Statement s = c.createStatement()) {
      assertThat(SchemaMigrations.applied(c)).contains(wanted());
      // the schema is usable: the job repository's and the stores' tables are there, empty
      for (String table : new String[] {"BATCH_JOB_INSTANCE", "BATCH_STEP_EXECUTION", "FINDING"}) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).as(table).isZero();
        }
      }
    }
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no copy left beside the database")
          .noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void anExistingDatabaseIsNeverReplaced(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("db.mv.db");
    Files.writeString(file, "not a template");
    assertThat(SchemaTemplate.copyInto(file, wanted())).isFalse();
    assertThat(Files.readString(file)).isEqualTo("not a template");
  }

  @Test
  void otherMigrationsThanTheTemplatesGetNoCopy(@TempDir Path tmp) throws Exception {
    Map<String, Integer> other = new java.util.HashMap<>(wanted());
    other.put("99", 42);
    Path file = tmp.resolve("db.mv.db");
    assertThat(SchemaTemplate.copyInto(file, other)).isFalse();
    assertThat(file).doesNotExist();
  }

  @Test
  void theBuildStepWritesTheTemplateOnceAndFlywayWroteIt(@TempDir Path tmp) throws Exception {
    SchemaTemplate.main(new String[] {tmp.toString()});
    Path db = tmp.resolve(SchemaTemplate.DB);
    Path list = tmp.resolve(SchemaTemplate.LIST);
    assertThat(SchemaTemplate.parse(Files.readString(list))).isEqualTo(wanted());
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    Files.copy(db, copy.resolve("db.mv.db"));
    try (Connection c = h2(url(copy)).getConnection()) {
      assertThat(SchemaMigrations.applied(c)).as("Flyway's own history").contains(wanted());
    }

    FileTime before = FileTime.fromMillis(0);
    Files.setLastModifiedTime(db, before);
    SchemaTemplate.main(new String[] {tmp.toString()});
    assertThat(Files.getLastModifiedTime(db)).as("current: not made again").isEqualTo(before);
  }

  @Test
  void theListFormatReadsBack() {
    Map<String, Integer> m = Map.of("1", -12, "2", 7, "10", 3);
    assertThat(SchemaTemplate.parse(SchemaTemplate.format(m))).isEqualTo(m);
    assertThat(SchemaTemplate.parse("")).isEmpty();
    assertThat(Optional.of(SchemaTemplate.format(Map.of()))).contains("");
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
}
