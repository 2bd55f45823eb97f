package io.vmflow.capture;

/**
 * How a large classic pcap file is read on several threads: {@code threads} decode chunks of {@code
 * chunkBytes} each, files under {@code minFileBytes} are read on one thread. Gzipped and pcapng
 * captures, streams, and link types the fast decoder does not read are always one-threaded.
 */
public record ChunkPlan(int threads, int chunkBytes, long minFileBytes) {

  public ChunkPlan {
    if (threads < 1 || chunkBytes < 1 || chunkBytes > 1 << 26 || minFileBytes < 0) {
      throw new IllegalArgumentException("bad chunk plan " + threads + "/" + chunkBytes);
    }
  }

  /**
   * Both cores (up to 4) on captures of 64 MB and more, in 2 MB chunks: large enough that a chunk's
   * hand-over costs nothing, small enough that the pool of chunks stays a few MB per thread (4 MB
   * chunks and their echoes were half of the new heap a 1 GB capture needed, and new heap is page
   * faults).
   */
  public static ChunkPlan auto() {
    return new ChunkPlan(
        Math.min(4, Runtime.getRuntime().availableProcessors()), 2 << 20, 64L << 20);
  }

  public static ChunkPlan oneThread() {
    return new ChunkPlan(1, 4 << 20, Long.MAX_VALUE);
  }
}
