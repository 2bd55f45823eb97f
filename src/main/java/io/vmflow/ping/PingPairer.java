package io.vmflow.ping;

import io.vmflow.model.IcmpEcho;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs echo requests with replies at one capture point, per flow (src, dst, ICMP id), as packets
 * stream in. Memory is bounded by the sequence space, not the capture: per flow, one timestamp slot
 * per 16-bit sequence number and wrap epoch, allocated in 256-slot chunks on first use.
 */
public final class PingPairer {

  /** The capture's edges: packets this close to its start or end may miss their partner. */
  static final Duration EDGE = Duration.ofSeconds(1);

  static final long EDGE_NANOS = EDGE.toNanos();

  private record FlowKey(String src, String dst, int id) {}

  private final String point;
  private final Map<FlowKey, FlowState> flows = new LinkedHashMap<>();
  // the flows seen last, compared by identity (the capture reader hands out cached address
  // strings), in a direct-mapped table indexed by a hash of the key: one probe per echo
  private static final int RECENT = 256;
  private final String[] recentSrc = new String[RECENT];
  private final String[] recentDst = new String[RECENT];
  private final int[] recentId = new int[RECENT];
  private final FlowState[] recentFlow = new FlowState[RECENT];
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private String origin = "";
  private long frames;

  public PingPairer(String point) {
    this.point = point;
  }

  public String point() {
    return point;
  }

  /** Notes any packet of the capture, to know the capture window; nanoseconds since the epoch. */
  public void seen(long nanos) {
    frames++;
    widen(nanos);
  }

  // an echo is inside the window too, even from a source (tcpdump text) that reports no frames
  private void widen(long nanos) {
    first = Math.min(first, nanos);
    last = Math.max(last, nanos);
  }

  public void add(IcmpEcho e) {
    if (origin.isEmpty()) {
      origin = e.origin();
    }
    add(
        e.src(),
        e.dst(),
        e.isRequest(),
        e.id(),
        e.seq(),
        0,
        e.time().getEpochSecond() * 1_000_000_000L + e.time().getNano());
  }

  /** An echo whose length is not known. */
  public void add(String src, String dst, boolean request, int id, int seq, long nanos) {
    add(src, dst, request, id, seq, 0, nanos);
  }

  /**
   * The allocation-free form used by the capture reader; {@code size} is the echo's IP packet
   * length, 0 when unknown.
   */
  public void add(String src, String dst, boolean request, int id, int seq, int size, long nanos) {
    widen(nanos);
    String fs = request ? src : dst;
    String fd = request ? dst : src;
    int slot = slot(fs, fd, id);
    FlowState f = recentFlow[slot];
    if (f == null || recentSrc[slot] != fs || recentDst[slot] != fd || recentId[slot] != id) {
      FlowKey key = new FlowKey(fs, fd, id);
      f = flows.get(key);
      if (f == null) {
        f = new FlowState(fs, fd, id);
        flows.put(key, f);
      }
      recentSrc[slot] = fs;
      recentDst[slot] = fd;
      recentId[slot] = id;
      recentFlow[slot] = f;
    }
    f.add(
        request,
        seq & 0xffff,
        size,
        nanos,
        first == Long.MAX_VALUE ? Long.MIN_VALUE : first + EDGE_NANOS);
  }

  // identity hashes: the entries are compared by identity anyway, and a string's own hash would
  // read its characters the first time each copy of an address is seen
  private static int slot(String src, String dst, int id) {
    int h = (System.identityHashCode(src) * 31 + System.identityHashCode(dst)) * 31 + id;
    h *= 0x9E3779B9;
    return (h ^ h >>> 16) & (RECENT - 1);
  }

  public void origin(String origin) {
    this.origin = origin;
  }

  /**
   * This point's capture window, whatever flows it saw. A point that saw frames but no echo (a few
   * ARP frames before the pings) gives no window: those frames only show the capture ran then, not
   * that it stopped before the pings, so the window is unknown as for a point that saw nothing.
   */
  public CapturedPoint captured() {
    return frames == 0 || flows.isEmpty()
        ? new CapturedPoint(point, origin, frames, -1, -1)
        : new CapturedPoint(point, origin, frames, first, last);
  }

  /**
   * Pairs echoes read from text (tcpdump output) rather than streamed from a capture: one pairer
   * per capture point, in the order the points first appear.
   */
  public static List<PointFlowStats> pairAll(List<IcmpEcho> echoes) {
    Map<String, PingPairer> byPoint = new LinkedHashMap<>();
    for (IcmpEcho e : echoes) {
      byPoint.computeIfAbsent(e.point(), PingPairer::new).add(e);
    }
    List<PointFlowStats> out = new ArrayList<>();
    byPoint.values().forEach(p -> out.addAll(p.finish()));
    return out;
  }

  public List<PointFlowStats> finish() {
    List<PointFlowStats> out = new ArrayList<>();
    long startEdge = first == Long.MAX_VALUE ? 0 : first + EDGE_NANOS;
    long endEdge = last == Long.MIN_VALUE ? 0 : last - EDGE_NANOS;
    for (FlowState f : flows.values()) {
      out.add(f.stats(point, startEdge, endEdge, origin));
    }
    return out;
  }

  /** Converts nanoseconds since the epoch to an Instant (for callers that need one). */
  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
