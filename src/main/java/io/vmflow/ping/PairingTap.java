package io.vmflow.ping;

import io.vmflow.ingest.CaptureTap;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pairs each capture on a thread of its own while ingest reads it, so that a capture inside an
 * archive is decompressed and read once and never written to disk, ingest and pairing each on one
 * core. The pairing of a capture is kept by its origin until {@link #take} collects it.
 */
public final class PairingTap implements CaptureTap, AutoCloseable {

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "capture-pairing");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, CapturePairing.Result> paired = new ConcurrentHashMap<>();
  private final Map<String, String> failed = new ConcurrentHashMap<>();

  // nothing reads a capture again once it is paired here
  @Override
  public boolean replacesSpool() {
    return true;
  }

  @Override
  public OutputStream open(String origin) {
    BytePipe pipe = new BytePipe();
    Future<CapturePairing.Result> reading =
        thread.submit(
            () -> {
              try (InputStream in = pipe.input()) {
                return CapturePairing.pair(in, origin);
              }
            });
    BytePipe.Writer bytes = pipe.output();
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
      }

      @Override
      public void close() {
        bytes.close();
        try {
          paired.put(origin, reading.get());
        } catch (ExecutionException e) {
          failed.put(origin, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          reading.cancel(true);
        }
      }
    };
  }

  /**
   * The pairing of the capture ingest read at {@code origin}, once; empty when the tap could not
   * read it.
   */
  public Optional<CapturePairing.Result> take(String origin) {
    return Optional.ofNullable(paired.remove(origin));
  }

  /** Why the tap could not pair the capture at {@code origin}, if it failed. */
  public Optional<String> failure(String origin) {
    return Optional.ofNullable(failed.get(origin));
  }

  @Override
  public void close() {
    thread.shutdownNow();
    paired.clear();
  }
}
