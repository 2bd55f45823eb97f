package io.vmflow.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One vmflow per output folder: an OS lock on {@code .vmflow/lock}, which holds the owner's pid.
 * The OS drops the lock when its process dies, even by {@code kill -9}, so a stale lock file is
 * simply taken over by the next run; a live owner is named in a plain message.
 */
final class OutputFolderLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;
  private final String previousOwner;

  private OutputFolderLock(FileChannel channel, FileLock lock, String previousOwner) {
    this.channel = channel;
    this.lock = lock;
    this.previousOwner = previousOwner;
  }

  /**
   * Creates {@code dir/.vmflow} and takes its lock; when it cannot, prints why on {@code err} in
   * one line (a non-empty folder vmflow did not write, folder in use by another vmflow, or not
   * writable) and returns empty, having changed nothing.
   */
  static Optional<OutputFolderLock> claim(Path dir, String command, java.io.PrintWriter err) {
    Optional<String> refused = io.vmflow.report.OutputFolder.refusal(dir);
    if (refused.isPresent()) {
      err.println("vmflow " + command + ": " + refused.get());
      return Optional.empty();
    }
    Path vmflow = dir.resolve(io.vmflow.report.OutputFolder.OWN);
    StringBuilder owner = new StringBuilder();
    Optional<OutputFolderLock> lock;
    try {
      java.nio.file.Files.createDirectories(vmflow);
      lock = acquire(vmflow, owner);
    } catch (IOException e) {
      err.println(
          "vmflow "
              + command
              + ": cannot write "
              + dir
              + ": "
              + io.vmflow.ingest.OutputFailure.reason(e));
      return Optional.empty();
    }
    if (lock.isEmpty()) {
      err.println(
          "vmflow "
              + command
              + ": output folder "
              + dir
              + " is in use by "
              + owner
              + "; wait for it to finish or choose another -o");
    }
    return lock;
  }

  /** The lock of {@code vmflowDir}, or empty with the owner's description in {@code owner}. */
  static Optional<OutputFolderLock> acquire(Path vmflowDir, StringBuilder owner)
      throws IOException {
    FileChannel ch =
        FileChannel.open(
            vmflowDir.resolve("lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    String before = read(ch);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      owner.append(before.isBlank() ? "another vmflow process" : before.strip());
      ch.close();
      return Optional.empty();
    }
    ch.truncate(0);
    ch.write(
        ByteBuffer.wrap(
            ("vmflow pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)),
        0);
    ch.force(false);
    return Optional.of(new OutputFolderLock(ch, lock, before.strip()));
  }

  /** What the lock file said before this process took it ("" when it was new or released). */
  String previousOwner() {
    return previousOwner;
  }

  private static String read(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(256);
    ch.read(b, 0);
    return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
  }
}
