package io.vmflow.capture;

import java.util.Arrays;

/**
 * The flows (requester, responder, ICMP id) of the echoes of one chunk, numbered in the order the
 * chunk first shows them, each with its shard ({@link FlowShards#shardOf}). An IPv4 echo finds its
 * flow by its addresses as read, an IPv6 echo by their text: an IPv4 echo then costs no text and no
 * hash of text, and each flow's text is made once per chunk (it was a fifth of the decoding
 * thread's time when made for every echo). Open addressing, at most half full; cleared for each
 * walk.
 */
final class ChunkFlows {

  private final int shards;
  private int n;
  private String[] src = new String[64];
  private String[] dst = new String[64];
  private int[] id = new int[64];
  private int[] srcV4 = new int[64];
  private int[] dstV4 = new int[64];
  private boolean[] v6 = new boolean[64];
  private int[] hash = new int[64];
  private int[] shard = new int[64];
  // a flow's number + 1; 0: empty slot
  private int[] table = new int[128];

  ChunkFlows(int shards) {
    this.shards = shards;
  }

  void clear() {
    if (n > 0) {
      Arrays.fill(table, 0);
      n = 0;
    }
  }

  /** The number of the flow of the echo {@code d} has just decoded. */
  int of(FrameDecoder d) {
    if (n * 2 >= table.length) {
      grow();
    }
    boolean rq = d.request;
    int i = d.id;
    int mask = table.length - 1;
    if (d.v4) {
      int a = rq ? d.srcV4 : d.dstV4;
      int b = rq ? d.dstV4 : d.srcV4;
      int h = mix((a * 31 + b) * 31 + i);
      for (int s = h & mask; ; s = (s + 1) & mask) {
        int f = table[s] - 1;
        if (f < 0) {
          return add(s, h, d.v4Text(a), d.v4Text(b), i, a, b, false);
        }
        if (srcV4[f] == a && dstV4[f] == b && id[f] == i && !v6[f]) {
          return f;
        }
      }
    }
    String a = rq ? d.src() : d.dst();
    String b = rq ? d.dst() : d.src();
    int h = mix((a.hashCode() * 31 + b.hashCode()) * 31 + i);
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int f = table[s] - 1;
      if (f < 0) {
        return add(s, h, a, b, i, 0, 0, true);
      }
      if (v6[f] && id[f] == i && src[f].equals(a) && dst[f].equals(b)) {
        return f;
      }
    }
  }

  /** The requester of flow {@code f}. */
  String src(int f) {
    return src[f];
  }

  /** The responder of flow {@code f}. */
  String dst(int f) {
    return dst[f];
  }

  int id(int f) {
    return id[f];
  }

  int shard(int f) {
    return shard[f];
  }

  private int add(int slot, int h, String a, String b, int i, int a4, int b4, boolean isV6) {
    int f = n++;
    if (f == src.length) {
      src = Arrays.copyOf(src, f * 2);
      dst = Arrays.copyOf(dst, f * 2);
      id = Arrays.copyOf(id, f * 2);
      srcV4 = Arrays.copyOf(srcV4, f * 2);
      dstV4 = Arrays.copyOf(dstV4, f * 2);
      v6 = Arrays.copyOf(v6, f * 2);
      hash = Arrays.copyOf(hash, f * 2);
      shard = Arrays.copyOf(shard, f * 2);
    }
    src[f] = a;
    dst[f] = b;
    id[f] = i;
    srcV4[f] = a4;
    dstV4[f] = b4;
    v6[f] = isV6;
    hash[f] = h;
    shard[f] = FlowShards.shardOf(a, b, true, i, shards);
    table[slot] = f + 1;
    return f;
  }

  private void grow() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int f = 0; f < n; f++) {
      int s = hash[f] & mask;
      while (table[s] != 0) {
        s = (s + 1) & mask;
      }
      table[s] = f + 1;
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ h >>> 16;
  }
}
