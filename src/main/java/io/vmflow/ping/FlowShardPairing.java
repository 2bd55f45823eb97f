package io.vmflow.ping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pairing of one capture point split by flow into shards that different threads fill at the
 * same time (the capture reader's {@code FlowShards}): each shard holds whole flows and sees their
 * echoes in file order, so each flow is paired exactly as {@link PingPairer} pairs it; the flows
 * are then listed in the order of their first echo in the file, as {@link PingPairer} lists them.
 */
final class FlowShardPairing {

  // plain classes, not records: a record's equals and hashCode are bootstrapped on first use, a
  // cost at start-up that a capture of a few pings would notice
  private static final class FlowKey {
    final String src;
    final String dst;
    final int id;

    FlowKey(String src, String dst, int id) {
      this.src = src;
      this.dst = dst;
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FlowKey k && k.id == id && k.src.equals(src) && k.dst.equals(dst);
    }

    @Override
    public int hashCode() {
      return (src.hashCode() * 31 + dst.hashCode()) * 31 + id;
    }
  }

  private static final class Flow implements Comparable<Flow> {
    final long order;
    final FlowState state;

    Flow(long order, FlowState state) {
      this.order = order;
      this.state = state;
    }

    @Override
    public int compareTo(Flow o) {
      return Long.compare(order, o.order);
    }
  }

  private final Shard[] shards;
  private String point;
  private long frames;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private boolean used;

  FlowShardPairing(int shards) {
    this.shards = new Shard[shards];
    for (int i = 0; i < shards; i++) {
      this.shards[i] = new Shard();
    }
  }

  int shards() {
    return shards.length;
  }

  /** One echo of shard {@code s}; only one thread at a time per shard. */
  void echo(
      int s,
      String src,
      String dst,
      boolean request,
      int id,
      int seq,
      int size,
      long nanos,
      long firstSoFar,
      long order) {
    shards[s].add(src, dst, request, id, seq, size, nanos, firstSoFar, order);
  }

  void window(String point, long frames, long first, long last) {
    this.used = true;
    this.point = point;
    this.frames = frames;
    this.first = first;
    this.last = last;
  }

  /** True when the reader split the pairing into shards (else it used the plain sink). */
  boolean used() {
    return used;
  }

  /** The flows' statistics, in the order of their first echo; as {@link PingPairer#finish}. */
  List<PointFlowStats> finish(String origin) {
    List<Flow> all = new ArrayList<>();
    for (Shard s : shards) {
      all.addAll(s.flows);
    }
    java.util.Collections.sort(all);
    long startEdge = first == Long.MAX_VALUE ? 0 : first + PingPairer.EDGE_NANOS;
    long endEdge = last == Long.MIN_VALUE ? 0 : last - PingPairer.EDGE_NANOS;
    List<PointFlowStats> out = new ArrayList<>(all.size());
    for (Flow f : all) {
      out.add(f.state.stats(point, startEdge, endEdge, origin));
    }
    return out;
  }

  /** The point as {@link PingPairer#captured} gives it; empty when the file held no frame. */
  Optional<CapturedPoint> captured(String origin) {
    if (frames == 0) {
      return Optional.empty();
    }
    boolean noFlow = true;
    for (Shard s : shards) {
      noFlow &= s.flows.isEmpty();
    }
    return Optional.of(
        noFlow
            ? new CapturedPoint(point, origin, frames, -1, -1)
            : new CapturedPoint(point, origin, frames, first, last));
  }

  /**
   * The flows of one shard. Each reading thread hands out its own copies of the address strings, so
   * a flow comes under as many identities as there are threads: a table keyed by identity (linear
   * probing, emptied when half full) finds a flow without hashing text, the map by content behind
   * it finds the flow under a new identity.
   */
  private static final class Shard {
    private static final int SLOTS = 512;
    private final Map<FlowKey, FlowState> byKey = new HashMap<>();
    private final List<Flow> flows = new ArrayList<>();
    private final String[] keySrc = new String[SLOTS];
    private final String[] keyDst = new String[SLOTS];
    private final int[] keyId = new int[SLOTS];
    private final FlowState[] keyFlow = new FlowState[SLOTS];
    private int used;

    void add(
        String src,
        String dst,
        boolean request,
        int id,
        int seq,
        int size,
        long nanos,
        long first,
        long order) {
      String fs = request ? src : dst;
      String fd = request ? dst : src;
      int h = (fs.hashCode() * 31 + fd.hashCode()) * 31 + id;
      h *= 0x9E3779B9;
      int i = (h ^ h >>> 16) & (SLOTS - 1);
      FlowState f;
      while (true) {
        f = keyFlow[i];
        if (f == null) {
          f = flow(fs, fd, id, order);
          if (++used * 2 > SLOTS) {
            java.util.Arrays.fill(keyFlow, null);
            java.util.Arrays.fill(keySrc, null);
            java.util.Arrays.fill(keyDst, null);
            used = 1;
          }
          keySrc[i] = fs;
          keyDst[i] = fd;
          keyId[i] = id;
          keyFlow[i] = f;
          break;
        }
        if (keySrc[i] == fs && keyDst[i] == fd && keyId[i] == id) {
          break;
        }
        i = (i + 1) & (SLOTS - 1);
      }
      f.add(request, seq & 0xffff, size, nanos, first + PingPairer.EDGE_NANOS);
    }

    private FlowState flow(String fs, String fd, int id, long order) {
      FlowKey key = new FlowKey(fs, fd, id);
      FlowState f = byKey.get(key);
      if (f == null) {
        f = new FlowState(fs, fd, id);
        byKey.put(key, f);
        flows.add(new Flow(order, f));
      }
      return f;
    }
  }
}
