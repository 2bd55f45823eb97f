package io.vmflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this vmflow build, from the Maven-filtered {@code vmflow.properties}. */
public final class VmflowVersion {

  private static final String VERSION = load();

  private VmflowVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = VmflowVersion.class.getResourceAsStream("/vmflow.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
