package io.vmflow.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** The command line that runs vmflow's main class in a child JVM on the test's own classpath. */
public final class ChildJvm {

  private ChildJvm() {}

  /** {@code java -Xmx<heap> -cp <classpath> io.vmflow.cli.VmflowMain args…}. */
  public static List<String> vmflow(String heap, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add("io.vmflow.cli.VmflowMain");
    cmd.addAll(args);
    return cmd;
  }

  /** The classpath, with surefire's manifest-only booter jar expanded into its entries. */
  public static String classpath() throws IOException {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.contains("surefirebooter")) {
        out.add(e);
        continue;
      }
      try (JarFile jar = new JarFile(e)) {
        String listed = jar.getManifest().getMainAttributes().getValue("Class-Path");
        for (String u : listed.split(" ")) {
          if (!u.isBlank()) {
            out.add(Path.of(new URI(u)).toString());
          }
        }
      } catch (URISyntaxException ex) {
        throw new IOException(ex);
      }
    }
    return String.join(File.pathSeparator, out);
  }
}
