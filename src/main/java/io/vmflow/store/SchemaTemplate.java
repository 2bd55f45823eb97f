package io.vmflow.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.springframework.util.FileSystemUtils;

/**
 * A new H2 database copied from a template instead of migrated: Flyway applies the H2 migrations
 * once, at build time ({@link #main}, run by the build in {@code process-classes}), to an H2 file
 * shipped on the classpath ({@value #DB}) beside the list of the migrations it holds ({@value
 * #LIST}, {@code version=checksum} lines as in {@code flyway_schema_history}). A run whose database
 * file does not exist yet gets a copy of the template when that list equals the scripts on the
 * classpath, and {@link SchemaMigrations} then finds the schema current: a fresh output folder no
 * longer pays Flyway's migration of the whole schema (about 0.45 s of the seed run). Flyway stays
 * the one owner of the schema: the template is its output, made again by every build.
 */
public final class SchemaTemplate {

  static final String DB = "db/template/h2.mv.db";
  static final String LIST = "db/template/h2.migrations";
  static final List<String> H2_LOCATIONS =
      List.of("classpath:db/migration/common", "classpath:db/migration/h2");

  private SchemaTemplate() {}

  /**
   * The H2 file a {@code jdbc:h2:file:} URL with an absolute path names ({@code .mv.db} added);
   * empty for any other URL (in-memory, server, home-relative, PostgreSQL).
   */
  static Optional<Path> h2File(String url) {
    String prefix = "jdbc:h2:file:";
    if (url == null || !url.startsWith(prefix)) {
      return Optional.empty();
    }
    String path = url.substring(prefix.length());
    int options = path.indexOf(';');
    path = options < 0 ? path : path.substring(0, options);
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(path + ".mv.db"));
  }

  /**
   * Copies the template to {@code dbFile} when that file does not exist and the template holds
   * exactly the {@code wanted} migrations; returns whether it did. The copy is written beside the
   * target and renamed, so a run killed mid-copy leaves no half database.
   */
  static boolean copyInto(Path dbFile, Map<String, Integer> wanted) throws IOException {
    if (Files.exists(dbFile) || !wanted.equals(held())) {
      return false;
    }
    ClassLoader loader = SchemaTemplate.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(DB)) {
      if (in == null) {
        return false;
      }
      Files.createDirectories(dbFile.getParent());
      Path tmp = dbFile.resolveSibling(dbFile.getFileName() + ".template.tmp");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, dbFile, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  /** The migrations the shipped template holds, version to checksum; empty when there is none. */
  static Map<String, Integer> held() throws IOException {
    try (InputStream in = SchemaTemplate.class.getClassLoader().getResourceAsStream(LIST)) {
      if (in == null) {
        return Map.of();
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static Map<String, Integer> parse(String list) {
    Map<String, Integer> out = new TreeMap<>();
    for (String line : list.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq).trim(), Integer.parseInt(line.substring(eq + 1).trim()));
      }
    }
    return out;
  }

  static String format(Map<String, Integer> migrations) {
    return new TreeMap<>(migrations)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue() + "\n")
            .collect(Collectors.joining());
  }

  /**
   * Build time: writes the template into the classes folder {@code args[0]}. Flyway migrates a new
   * H2 file, the file is compacted and closed, and the list of what it holds is read back from its
   * own {@code flyway_schema_history}. Skipped when the template there already holds the scripts.
   */
  public static void main(String[] args) throws IOException, SQLException {
    Path classes = Path.of(args[0]);
    Map<String, Integer> wanted = SchemaMigrations.wanted(H2_LOCATIONS).orElseThrow();
    Path db = classes.resolve(DB);
    Path list = classes.resolve(LIST);
    if (Files.isRegularFile(db)
        && Files.isRegularFile(list)
        && wanted.equals(parse(Files.readString(list)))) {
      return;
    }
    Path work = Files.createTempDirectory("vmflow-schema-template");
    try {
      String url = "jdbc:h2:file:" + work.resolve("h2") + ";DB_CLOSE_ON_EXIT=FALSE";
      Flyway.configure(SchemaTemplate.class.getClassLoader())
          .dataSource(url, "sa", "")
          .locations(H2_LOCATIONS.toArray(String[]::new))
          .load()
          .migrate();
      Map<String, Integer> held;
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          Statement s = c.createStatement()) {
        held = SchemaMigrations.applied(c).orElseThrow();
        s.execute("SHUTDOWN COMPACT");
      }
      if (!held.equals(wanted)) {
        throw new IllegalStateException("template holds " + held + ", scripts are " + wanted);
      }
      Files.createDirectories(db.getParent());
      Files.copy(work.resolve("h2.mv.db"), db, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(list, format(held), StandardCharsets.UTF_8);
    } finally {
      FileSystemUtils.deleteRecursively(work);
    }
  }
}
