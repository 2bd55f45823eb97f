package io.vmflow.capture;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A large classic pcap read and paired on several threads, for a sink that splits its pairing by
 * flow ({@link FlowShards}). Chunks are decoded as {@link PcapChunks} decodes them (each thread
 * takes the next one, guesses where its first record starts, and checks the guess in file order
 * before publishing it), and each decoded chunk sorts its echoes by shard. Any thread then pairs
 * any shard that has published chunks it has not yet seen, one thread per shard at a time, chunk
 * after chunk: each shard sees its flows' echoes in file order, so every flow's pairing is the one
 * a single thread makes, while the pairing itself is spread over the threads. A chunk is reused
 * once every shard has paired it: memory is a fixed pool of chunks, whatever the file's size.
 */
final class PcapShards {

  private final PcapHeaders headers;
  private final long size;
  private final int linkType;
  private final int chunkBytes;
  private final int threads;
  private final FileChannel channel;
  private final int chunks;
  private final FlowShards sink;
  private final int shards;

  // all below guarded by this
  private final ArrayDeque<PcapChunk> free = new ArrayDeque<>();
  private final PcapChunk[] ring;
  private final long[] before;
  private final int[] pending;
  private final int[] shardNext;
  private final boolean[] shardBusy;
  private int claimed;
  private int published;
  private long nextStart = 24;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private long frames;
  private long echoes;
  private boolean stopped;
  private String eof;
  private String corrupt;
  private Throwable failure;
  private long misses;
  private int made;

  PcapShards(
      PcapHeaders headers,
      long size,
      int linkType,
      ChunkPlan plan,
      FileChannel channel,
      FlowShards sink) {
    this.headers = headers;
    this.size = size;
    this.linkType = linkType;
    this.chunkBytes = plan.chunkBytes();
    this.channel = channel;
    this.chunks = (int) ((size - 24 + chunkBytes - 1) / chunkBytes);
    this.threads = Math.max(1, Math.min(plan.threads(), chunks));
    this.sink = sink;
    this.shards = sink.shards();
    // enough chunks that every thread can decode one while others wait to be paired
    int pool = 2 * threads + 2;
    this.ring = new PcapChunk[pool];
    this.before = new long[pool];
    this.pending = new int[pool];
    this.shardNext = new int[shards];
    this.shardBusy = new boolean[shards];
  }

  /**
   * Reads every chunk, pairing on all threads; counts go into {@code f}, damage to its findings.
   */
  void read(CaptureReader.Frames f, String point) throws IOException {
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      Thread t = new Thread(this::work, "pcap-shards-" + i);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    work();
    for (Thread t : helpers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    }
    synchronized (this) {
      f.frames += frames;
      f.echoes += echoes;
      if (failure instanceof IOException e) {
        throw e;
      } else if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure instanceof Error e) {
        throw e;
      } else if (failure != null) {
        throw new IOException("reading stopped: " + failure, failure);
      }
      sink.window(point, frames, min, max);
      if (eof != null) {
        throw new EOFException(eof);
      }
      if (corrupt != null) {
        f.corrupt(corrupt);
      }
    }
  }

  /** Chunks whose guessed start was wrong and that were decoded again (for tests). */
  synchronized long misses() {
    return misses;
  }

  private void work() {
    try {
      while (true) {
        int s;
        int k;
        PcapChunk c;
        synchronized (this) {
          while (true) {
            if (failure != null) {
              return;
            }
            s = pairable();
            if (s >= 0) {
              k = shardNext[s];
              shardBusy[s] = true;
              c = ring[k % ring.length];
              break;
            }
            if (!stopped && claimed < chunks && (free.size() > 0 || made < ring.length)) {
              k = claimed++;
              c = free.isEmpty() ? newChunk() : free.pop();
              break;
            }
            if (done()) {
              notifyAll();
              return;
            }
            wait();
          }
        }
        if (s >= 0) {
          pair(s, k, c);
        } else {
          decode(k, c);
        }
      }
    } catch (Throwable t) { // handed to the reading thread, which rethrows it
      fail(t);
    }
  }

  private PcapChunk newChunk() {
    made++;
    return new PcapChunk(headers, size, linkType, chunkBytes, channel, shards);
  }

  // a shard nobody pairs that has a published chunk it has not paired yet
  private int pairable() {
    for (int s = 0; s < shards; s++) {
      if (!shardBusy[s] && shardNext[s] < published) {
        return s;
      }
    }
    return -1;
  }

  private boolean done() {
    if (!stopped && published < chunks) {
      return false;
    }
    for (int s = 0; s < shards; s++) {
      if (shardBusy[s] || shardNext[s] < published) {
        return false;
      }
    }
    return true;
  }

  private void pair(int s, int k, PcapChunk c) {
    c.deliver(sink, s, before[k % ring.length], k);
    synchronized (this) {
      shardBusy[s] = false;
      shardNext[s] = k + 1;
      if (--pending[k % ring.length] == 0) {
        ring[k % ring.length] = null;
        free.push(c);
      }
      notifyAll();
    }
  }

  private void decode(int k, PcapChunk c) throws IOException, InterruptedException {
    c.load(k);
    long guess = k == 0 ? 24 : c.resync();
    if (guess >= 0) {
      c.walk(guess);
    }
    long from;
    synchronized (this) {
      while (published != k && !stopped && failure == null) {
        wait();
      }
      if (published != k || stopped) { // an earlier chunk ended the file, or reading failed
        free.push(c);
        notifyAll();
        return;
      }
      from = nextStart;
    }
    // holding the turn: no other chunk is published until this one is
    if (guess != from) {
      synchronized (this) {
        misses++;
      }
      c.walk(from);
    }
    synchronized (this) {
      int slot = k % ring.length;
      ring[slot] = c;
      before[slot] = min;
      pending[slot] = shards;
      min = Math.min(min, c.min());
      max = Math.max(max, c.max());
      frames += c.frames();
      echoes += c.echoes();
      nextStart = c.end();
      if (c.eof() != null || c.corrupt() != null) {
        eof = c.eof();
        corrupt = c.corrupt();
        stopped = true;
      }
      published = k + 1;
      notifyAll();
    }
  }

  private synchronized void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
    stopped = true;
    notifyAll();
  }
}
