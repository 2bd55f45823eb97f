package io.vmflow.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The database schema: Flyway's migrations ({@code spring.flyway.locations}), applied only when the
 * database does not already hold them. Starting Flyway (its plugins, its database probing, its
 * validation) cost about a second of every run's start-up; a database whose {@code
 * flyway_schema_history} already lists exactly the migrations on the classpath, each with the
 * checksum Flyway gives it (CRC32 over the script's lines), is current and Flyway is not started.
 * Anything else (a new database, a new or changed script, a failed or unusual history row, a
 * location that is not on the classpath) goes to Flyway's own migrate and validation, unchanged. A
 * new H2 file database is first copied from the build's {@link SchemaTemplate}, which Flyway made,
 * so it is current from the start.
 *
 * <p>{@link SchemaMigrationsDetector} makes every bean that uses the database wait for this one, as
 * Spring Boot's own Flyway initializer did.
 */
@Component
public class SchemaMigrations implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");
  private static final String HISTORY =
      "SELECT \"version\", \"checksum\", \"type\", \"success\" FROM \"flyway_schema_history\"";

  private final DataSource dataSource;
  private final String[] locations;
  private final String url;

  public SchemaMigrations(DataSource dataSource, String[] locations) {
    this(dataSource, locations, "");
  }

  /**
   * @param url the data source's JDBC URL: a new H2 file database it names is first copied from the
   *     {@link SchemaTemplate} (empty: none)
   */
  @Autowired
  public SchemaMigrations(
      DataSource dataSource,
      @Value("${spring.flyway.locations:classpath:db/migration}") String[] locations,
      @Value("${spring.datasource.url:}") String url) {
    this.dataSource = dataSource;
    this.locations = locations.clone();
    this.url = url;
  }

  @Override
  public void afterPropertiesSet() throws SQLException, IOException {
    Optional<Map<String, Integer>> template = Optional.empty();
    Optional<java.nio.file.Path> h2 = SchemaTemplate.h2File(url);
    if (h2.isPresent() && !java.nio.file.Files.exists(h2.get())) {
      // before the first connection creates the file
      template = wanted(resolved("h2"));
      if (template.isPresent() && SchemaTemplate.copyInto(h2.get(), template.get())) {
        log.debug("new database {} copied from the schema template", h2.get());
      }
    }
    String vendor;
    Optional<Map<String, Integer>> applied;
    try (Connection c = dataSource.getConnection()) {
      vendor = DatabaseDriver.fromJdbcUrl(c.getMetaData().getURL()).getId();
      applied = applied(c);
    }
    List<String> resolved = resolved(vendor);
    Optional<Map<String, Integer>> wanted =
        template.isPresent() && vendor.equals("h2") ? template : wanted(resolved);
    if (wanted.isPresent() && wanted.equals(applied)) {
      log.debug("schema current ({} migrations): Flyway not started", wanted.get().size());
      return;
    }
    Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations(resolved.toArray(String[]::new))
        .load()
        .migrate();
  }

  private List<String> resolved(String vendor) {
    List<String> resolved = new ArrayList<>();
    for (String l : locations) {
      resolved.add(l.trim().replace("{vendor}", vendor));
    }
    return resolved;
  }

  /**
   * The versioned migrations the database records as applied, version to checksum; empty when it
   * has no history table or a row this check does not vouch for (failed, repeatable, baseline).
   */
  static Optional<Map<String, Integer>> applied(Connection c) {
    Map<String, Integer> rows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(HISTORY)) {
      while (rs.next()) {
        String type = rs.getString(3);
        if ("TABLE".equals(type) || "SCHEMA".equals(type)) {
          continue; // Flyway's own marker rows
        }
        int checksum = rs.getInt(2);
        if (!"SQL".equals(type) || !rs.getBoolean(4) || rs.wasNull() || rs.getString(1) == null) {
          return Optional.empty();
        }
        rows.put(rs.getString(1), checksum);
      }
    } catch (SQLException e) {
      return Optional.empty(); // no history table yet: a new database
    }
    return Optional.of(rows);
  }

  /**
   * The versioned scripts in the classpath locations, version to Flyway's checksum; empty when a
   * location or a file is one this check does not understand (Flyway then decides).
   */
  static Optional<Map<String, Integer>> wanted(List<String> locations) throws IOException {
    var resolver = new PathMatchingResourcePatternResolver(SchemaMigrations.class.getClassLoader());
    Map<String, Integer> scripts = new HashMap<>();
    for (String location : locations) {
      if (!location.startsWith("classpath:")) {
        return Optional.empty();
      }
      String root = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
      for (Resource r : resolver.getResources("classpath*:" + root + "/**/*")) {
        String name = r.getFilename();
        if (name == null || !r.isReadable() || name.endsWith("/")) {
          continue;
        }
        Matcher m = VERSIONED.matcher(name);
        if (!m.matches()) {
          return Optional.empty(); // repeatable, undo, callbacks, Java migrations: Flyway's call
        }
        if (scripts.put(m.group(1).replace('_', '.'), checksum(r)) != null) {
          return Optional.empty(); // one version twice: Flyway reports it
        }
      }
    }
    return Optional.of(scripts);
  }

  /** Flyway's checksum of a script: CRC32 over each line's UTF-8 bytes, a leading BOM dropped. */
  static int checksum(Resource script) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
      String line = in.readLine();
      if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      for (; line != null; line = in.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }
}
