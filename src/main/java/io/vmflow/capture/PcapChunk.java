package io.vmflow.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * One thread's chunk of a pcap file read by {@link PcapChunks}: a copy of its bytes, and the frames
 * decoded from them in file order, each with its time and, for an echo, what the sink is told. The
 * arrays are reused from chunk to chunk and grow to the most frames a chunk held.
 */
final class PcapChunk {

  private final PcapHeaders headers;
  private final long size;
  private final int linkType;
  private final int chunkBytes;
  private final FileChannel channel;

  private final FrameDecoder decoder = new FrameDecoder();
  private final byte[] buf;
  private long base;
  // bytes of the file from base this chunk may read (its own and the slack after it), and has read
  private int limit;
  private int avail;
  private long hi;
  // per frame: time and 0 (no echo), 1 (reply) or 2 (request); per echo: its fields
  private int n;
  private long[] nanos = new long[1024];
  private byte[] kind = new byte[1024];
  private int echoes;
  private String[] src = new String[1024];
  private String[] dst = new String[1024];
  private int[] id = new int[1024];
  private int[] seq = new int[1024];
  private int[] vlan = new int[1024];
  private int[] length = new int[1024];
  // split by flow (shards > 0): the chunk's flows; per echo its flow, kind, sequence number, size,
  // time and the earliest frame time in the chunk up to it; per shard the indexes of its echoes in
  // file order; the earliest and latest frame time
  private final int shards;
  private final ChunkFlows flows;
  private int[] echoFlow;
  private boolean[] echoRequest;
  private int[] echoSeq;
  private int[] echoSize;
  private long[] echoNanos;
  private long[] echoFirst;
  private int[][] bucket;
  private int[] bucketN;
  private long min;
  private long max;
  // how the last walk ended: at the first record start at or after the chunk's end, or at a
  // damaged record or the file's end (eof, corrupt)
  private long end;
  private String eof;
  private String corrupt;

  PcapChunk(PcapHeaders headers, long size, int linkType, int chunkBytes, FileChannel channel) {
    this(headers, size, linkType, chunkBytes, channel, 0);
  }

  /** A chunk that also splits its echoes into {@code shards} by flow ({@link FlowShards}). */
  PcapChunk(
      PcapHeaders headers,
      long size,
      int linkType,
      int chunkBytes,
      FileChannel channel,
      int shards) {
    this.shards = shards;
    this.flows = new ChunkFlows(Math.max(1, shards));
    // room for as many echoes as a chunk of small frames holds: the arrays then do not grow (each
    // growth is garbage, and new heap is page faults)
    int echoes = shards > 0 ? Math.max(1024, chunkBytes / 64) : 1;
    this.echoFlow = new int[echoes];
    this.echoRequest = new boolean[echoes];
    this.echoSeq = new int[echoes];
    this.echoSize = new int[echoes];
    this.echoNanos = new long[echoes];
    this.echoFirst = new long[echoes];
    this.bucket = new int[shards][256];
    this.bucketN = new int[shards];
    this.headers = headers;
    this.size = size;
    this.linkType = linkType;
    this.chunkBytes = chunkBytes;
    this.channel = channel;
    this.buf = new byte[chunkBytes + PcapChunks.SLACK];
  }

  long end() {
    return end;
  }

  String eof() {
    return eof;
  }

  String corrupt() {
    return corrupt;
  }

  /**
   * Makes {@code k} this chunk's number. Its bytes are read as the walk reaches them, a quarter of
   * a megabyte at a time: each piece is decoded while the copy has left it in the CPU's cache (the
   * first touch of every record header was a cache miss when the chunk was read at once), and only
   * the part of the slack after the chunk that its last record reaches is read.
   */
  void load(int k) {
    base = 24 + (long) k * chunkBytes;
    hi = Math.min(size, base + chunkBytes);
    limit = (int) Math.min(size - base, (long) chunkBytes + PcapChunks.SLACK);
    avail = 0;
  }

  private static final int PIECE = 256 << 10;

  // reads on until buf[0..end) holds file bytes (end <= limit)
  private void ensure(int end) throws IOException {
    int to = Math.min(limit, Math.max(end, avail + PIECE));
    ByteBuffer b = ByteBuffer.wrap(buf, avail, to - avail);
    while (b.hasRemaining()) {
      if (channel.read(b, base + b.position()) < 0) {
        throw new IOException("capture shrank while read");
      }
    }
    avail = to;
  }

  /** A guess at the first record start, from the chunk's first piece; -1 when it holds none. */
  long resync() throws IOException {
    ensure(Math.min(limit, PIECE));
    int p = headers.resync(buf, 0, (int) Math.min(hi - base, avail), avail, base + avail == size);
    return p < 0 ? -1 : base + p;
  }

  /** Decodes the records that start in {@code [start, hi)}, as PcapFormat reads them. */
  void walk(long start) throws IOException {
    n = 0;
    echoes = 0;
    min = Long.MAX_VALUE;
    max = Long.MIN_VALUE;
    Arrays.fill(bucketN, 0);
    flows.clear();
    eof = null;
    corrupt = null;
    long pos = start;
    while (pos < hi) {
      long rem = size - pos;
      if (rem < 16) {
        eof = "record header cut after " + rem + " bytes";
        break;
      }
      int o = (int) (pos - base);
      if (o + 16 > avail) {
        ensure(o + 16);
      }
      int incl = headers.i32(buf, o + 8);
      if (incl < 0 || incl > CaptureReader.MAX_FRAME) {
        corrupt = "record length " + (incl & 0xffffffffL);
        break;
      }
      if (rem < 16 + incl) {
        eof = "frame cut after " + Math.max(0, rem - 16) + " of " + incl + " bytes";
        break;
      }
      if (o + 16 + incl > avail) {
        ensure(o + 16 + incl);
      }
      frame(o + 16, incl, headers.nanos(buf, o));
      pos += 16 + incl;
    }
    end = pos;
  }

  private void frame(int off, int len, long t) {
    min = Math.min(min, t);
    max = Math.max(max, t);
    if (shards > 0) {
      // split by flow: the shards need only the echoes
      if (decoder.decode(buf, off, off + len, linkType)) {
        shard(t);
      }
      n++;
      return;
    }
    if (n == nanos.length) {
      nanos = Arrays.copyOf(nanos, n * 2);
      kind = Arrays.copyOf(kind, n * 2);
    }
    nanos[n] = t;
    if (decoder.decode(buf, off, off + len, linkType)) {
      kind[n] = (byte) (decoder.request ? 2 : 1);
      echo();
    } else {
      kind[n] = 0;
    }
    n++;
  }

  private void echo() {
    int e = echoes++;
    if (e == src.length) {
      src = Arrays.copyOf(src, e * 2);
      dst = Arrays.copyOf(dst, e * 2);
      id = Arrays.copyOf(id, e * 2);
      seq = Arrays.copyOf(seq, e * 2);
      vlan = Arrays.copyOf(vlan, e * 2);
      length = Arrays.copyOf(length, e * 2);
    }
    src[e] = decoder.src();
    dst[e] = decoder.dst();
    id[e] = decoder.id;
    seq[e] = decoder.seq;
    vlan[e] = decoder.vlan;
    length[e] = decoder.size;
  }

  private void shard(long t) {
    int e = echoes++;
    if (e == echoNanos.length) {
      echoFlow = Arrays.copyOf(echoFlow, e * 2);
      echoRequest = Arrays.copyOf(echoRequest, e * 2);
      echoSeq = Arrays.copyOf(echoSeq, e * 2);
      echoSize = Arrays.copyOf(echoSize, e * 2);
      echoNanos = Arrays.copyOf(echoNanos, e * 2);
      echoFirst = Arrays.copyOf(echoFirst, e * 2);
    }
    int f = flows.of(decoder);
    echoFlow[e] = f;
    echoRequest[e] = decoder.request;
    echoSeq[e] = decoder.seq;
    echoSize[e] = decoder.size;
    echoNanos[e] = t;
    echoFirst[e] = min;
    int s = flows.shard(f);
    int[] b = bucket[s];
    if (bucketN[s] == b.length) {
      b = bucket[s] = Arrays.copyOf(b, b.length * 2);
    }
    b[bucketN[s]++] = e;
  }

  int frames() {
    return n;
  }

  int echoes() {
    return echoes;
  }

  /** The earliest frame time of the last walk; Long.MAX_VALUE when it found no frame. */
  long min() {
    return min;
  }

  /** The latest frame time of the last walk; Long.MIN_VALUE when it found no frame. */
  long max() {
    return max;
  }

  /**
   * Hands the echoes of {@code shard} to {@code sink} in file order; {@code before} is the earliest
   * frame time of the chunks before this one, {@code k} this chunk's number.
   */
  void deliver(FlowShards sink, int shard, long before, int k) {
    int[] b = bucket[shard];
    long order = (long) k << 32;
    for (int j = 0, m = bucketN[shard]; j < m; j++) {
      int e = b[j];
      int f = echoFlow[e];
      boolean request = echoRequest[e];
      // the flow is kept as requester and responder: a reply goes the other way
      String requester = flows.src(f);
      String responder = flows.dst(f);
      sink.echo(
          shard,
          request ? requester : responder,
          request ? responder : requester,
          request,
          flows.id(f),
          echoSeq[e],
          echoSize[e],
          echoNanos[e],
          Math.min(before, echoFirst[e]),
          order | e);
    }
  }

  /** Hands the walk's frames to {@code f}'s sink, at {@code point}; only while holding the turn. */
  void deliver(CaptureReader.Frames f, String point) {
    EchoSink sink = f.sink;
    int e = 0;
    for (int i = 0; i < n; i++) {
      long t = nanos[i];
      f.frames++;
      f.drops.frame(point);
      sink.frame(point, t);
      if (kind[i] != 0) {
        f.echoes++;
        sink.echo(point, src[e], dst[e], kind[i] == 2, id[e], seq[e], vlan[e], length[e], t);
        e++;
      }
    }
  }
}
