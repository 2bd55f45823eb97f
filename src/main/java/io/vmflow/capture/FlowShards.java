package io.vmflow.capture;

/**
 * An {@link EchoSink} whose pairing can be split by flow, so that a large classic pcap is paired on
 * several threads with the result of one. The flow of an echo is (requester, responder, ICMP id):
 * {@code (src, dst, id)} of a request, {@code (dst, src, id)} of a reply; {@link #shardOf} puts
 * each flow in one shard. Each shard receives the echoes of its flows through {@link #echo(int,
 * String, String, boolean, int, int, int, long, long, long)} in file order, one call at a time;
 * different shards may be called at the same time on different threads. The reader says which way
 * it went: either it calls only the {@link EchoSink} methods, or only the shard methods and then
 * {@link #window} once.
 */
public interface FlowShards extends EchoSink {

  /** How many shards, a power of two. */
  int shards();

  /** The shard of the flow of an echo (see the type's comment), from the addresses' text. */
  static int shardOf(String src, String dst, boolean request, int id, int shards) {
    String a = request ? src : dst;
    String b = request ? dst : src;
    int h = (a.hashCode() * 31 + b.hashCode()) * 31 + id;
    h *= 0x9E3779B9;
    return (h ^ h >>> 16) & (shards - 1);
  }

  /**
   * An echo of a flow of {@code shard} at the file's single capture point. {@code first}: the
   * earliest frame time in the file up to and including this echo; {@code order}: grows with the
   * echo's position in the file.
   */
  void echo(
      int shard,
      String src,
      String dst,
      boolean request,
      int id,
      int seq,
      int size,
      long nanos,
      long first,
      long order);

  /**
   * After the last echo: the file's capture point, how many frames it holds and the earliest and
   * latest frame time ({@code Long.MAX_VALUE} and {@code Long.MIN_VALUE} when it holds none).
   */
  void window(String point, long frames, long first, long last);
}
