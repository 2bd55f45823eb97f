package io.vmflow.capture;

/** Receives what a capture holds, without per-packet objects: echoes and the capture's clock. */
public interface EchoSink {

  /** Any frame at {@code point}, so the pairer knows the capture window. */
  void frame(String point, long nanos);

  /**
   * An ICMP or ICMPv6 echo at {@code point}; for tunnelled frames, the inner packet's fields.
   * {@code size} is its IP packet length in bytes, 0 when unknown.
   */
  void echo(
      String point,
      String src,
      String dst,
      boolean request,
      int id,
      int seq,
      int vlan,
      int size,
      long nanos);
}
