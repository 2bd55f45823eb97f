package io.vmflow.capture;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A large classic pcap file read on several threads with the result of one. The file is cut into
 * chunks of equal size; each thread takes the next chunk, finds its first record by validating
 * consecutive record headers ({@link PcapHeaders}), decodes the chunk's frames into buffers of its
 * own, then waits for its turn and hands them to the sink in file order. The sink (the pairing)
 * thus sees exactly the calls a one-thread read makes, in the same order, one at a time: its state
 * never has to be merged across a chunk boundary, and wraps, duplicates, reordering and capture
 * edges come out the same by construction. Before the hand-over, the guessed start is checked
 * against where the previous chunk's records really ended (a header-like run inside a payload can
 * fool the guess); on a mismatch the chunk is decoded again from the true start.
 *
 * <p>Each thread reads its chunk with positional reads (a mapping of the file cost more in page
 * faults than the copy saves). Who closes: {@link #read} closes the channel {@link #open} opened.
 */
final class PcapChunks {

  static final int SLACK = 16 + CaptureReader.MAX_FRAME;

  private final PcapHeaders headers;
  private final long size;
  private final int linkType;
  private final int chunkBytes;
  private final int threads;
  private final ChunkPlan plan;
  private final FileChannel channel;
  private final int chunks;
  private final AtomicInteger claimed = new AtomicInteger();

  // the hand-over, guarded by this
  private int turn;
  private long nextStart = 24;
  private boolean stopped;
  private String eof;
  private String corrupt;
  private Throwable failure;

  // written only by the thread holding the turn
  private CaptureReader.Frames frames;
  private String point;
  private long misses;

  private PcapChunks(
      PcapHeaders headers, long size, int linkType, ChunkPlan plan, FileChannel channel) {
    this.headers = headers;
    this.size = size;
    this.linkType = linkType;
    this.chunkBytes = plan.chunkBytes();
    this.threads = plan.threads();
    this.plan = plan;
    this.channel = channel;
    this.chunks = (int) ((size - 24 + chunkBytes - 1) / chunkBytes);
  }

  /**
   * A chunked reader of {@code file}; empty when the file is not a classic pcap whose link type the
   * fast decoder reads (the caller then streams it).
   */
  static Optional<PcapChunks> open(Path file, ChunkPlan plan) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(28);
      while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
        // until the global header and the first record's time are in, or the file ends
      }
      byte[] h = head.array();
      int magic = (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
      if (size >= 24 && head.position() >= 24 && PcapFormat.isMagic(magic)) {
        PcapHeaders headers = new PcapHeaders(magic, h, head.position());
        int linkType = headers.i32(h, 20) & 0x0fffffff;
        if (FrameDecoder.knows(linkType)) {
          PcapChunks c = new PcapChunks(headers, size, linkType, plan, ch);
          ch = null;
          return Optional.of(c);
        }
      }
      return Optional.empty();
    } finally {
      if (ch != null) {
        ch.close();
      }
    }
  }

  /**
   * Reads the file, handing every frame and echo to {@code sink} in file order; a sink that splits
   * its pairing by flow gets each shard's echoes instead, on all threads ({@link PcapShards}).
   */
  CaptureSummary read(String origin, EchoSink sink) throws IOException {
    try (channel) {
      frames = new CaptureReader.Frames(null, origin, sink);
      point = frames.point("");
      if (sink instanceof FlowShards s && s.shards() > 0) {
        PcapShards shards = new PcapShards(headers, size, linkType, plan, channel, s);
        return frames.run("pcap", () -> shards.read(frames, point));
      }
      return frames.run("pcap", this::readChunks);
    }
  }

  /** Chunks whose guessed start was wrong and that were decoded again (for tests). */
  long misses() {
    return misses;
  }

  private void readChunks() throws IOException {
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < Math.min(threads, chunks); i++) {
      Thread t =
          new Thread(
              () -> work(new PcapChunk(headers, size, linkType, chunkBytes, channel)),
              "pcap-chunks-" + i);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    work(new PcapChunk(headers, size, linkType, chunkBytes, channel));
    for (Thread t : helpers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    }
    synchronized (this) {
      if (failure instanceof IOException e) {
        throw e;
      } else if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      } else if (failure != null) {
        throw new IOException("reading stopped: " + failure, failure);
      }
      if (eof != null) {
        throw new EOFException(eof);
      }
      if (corrupt != null) {
        frames.corrupt(corrupt);
      }
    }
  }

  private void work(PcapChunk w) {
    try {
      for (int k = claimed.getAndIncrement(); k < chunks; k = claimed.getAndIncrement()) {
        w.load(k);
        long guess = k == 0 ? 24 : w.resync();
        if (guess >= 0) {
          w.walk(guess);
        }
        long from = awaitTurn(k);
        if (from < 0) {
          return;
        }
        if (guess != from) {
          misses++;
          w.walk(from);
        }
        w.deliver(frames, point);
        handOver(k, w);
      }
    } catch (Throwable t) { // handed to the reading thread, which rethrows it
      fail(t);
    }
  }

  /** Waits until chunk {@code k} is next; where its records start, or -1 when reading stopped. */
  private synchronized long awaitTurn(int k) throws InterruptedException {
    while (turn != k && !stopped) {
      wait();
    }
    return stopped ? -1 : nextStart;
  }

  private synchronized void handOver(int k, PcapChunk w) {
    nextStart = w.end();
    if (w.eof() != null || w.corrupt() != null) {
      eof = w.eof();
      corrupt = w.corrupt();
      stopped = true;
    }
    turn = k + 1;
    notifyAll();
  }

  private synchronized void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
    stopped = true;
    notifyAll();
  }
}
