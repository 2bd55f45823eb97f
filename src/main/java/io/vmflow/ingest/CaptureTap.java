package io.vmflow.ingest;

import java.io.OutputStream;

/**
 * Reads each capture while ingest streams it out of its archive, so that the capture is read once:
 * the bytes the spool keeps are copied to the tap as they are spooled.
 */
@FunctionalInterface
public interface CaptureTap {

  /** No tap: captures are only spooled, and read again later. */
  CaptureTap NONE = origin -> OutputStream.nullOutputStream();

  /**
   * The stream to copy one capture's kept bytes to, in order. Ingest closes it after the last byte,
   * or when reading the capture fails part-way; close returns when the tap is done with them. Its
   * writes never fail: a tap that cannot read on only misses this capture, which is then read from
   * the spool.
   */
  OutputStream open(String origin);
}
