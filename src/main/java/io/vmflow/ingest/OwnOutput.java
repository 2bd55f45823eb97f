package io.vmflow.ingest;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Recognises folders vmflow wrote (an {@code analyze} or {@code nightly} output folder holds a
 * {@code .vmflow} folder), so an input walk never reads vmflow's own spool, database or reports as
 * if they were part of the dump.
 */
public final class OwnOutput {

  /** The folder inside every output folder that holds vmflow's database, work and lock. */
  public static final String MARKER = ".vmflow";

  private OwnOutput() {}

  /** True for an output folder of vmflow and for its {@code .vmflow} folder. */
  public static boolean isOwnOutput(Path dir) {
    Path name = dir.getFileName();
    return name != null && name.toString().equals(MARKER)
        || Files.isDirectory(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
  }
}
