package io.vmflow.ingest;

import java.io.OutputStream;

/**
 * Reads each capture while ingest streams it out of its archive, so that the capture is read once
 * and, with a tap that {@linkplain #replacesSpool replaces the spool}, never written to disk.
 */
@FunctionalInterface
public interface CaptureTap {

  /** No tap: captures are only spooled, and read again later. */
  CaptureTap NONE = origin -> OutputStream.nullOutputStream();

  /**
   * True when nothing reads a capture after the tap: ingest then only digests its bytes on the way
   * to the tap and keeps no copy (a 1 GB bundle's captures were 1 GB written and deleted again, the
   * largest cost of ingest after decompression). The entry's content path then names no file.
   */
  default boolean replacesSpool() {
    return false;
  }

  /**
   * The stream to copy one capture's kept bytes to, in order. Ingest closes it after the last byte,
   * or when reading the capture fails part-way; close returns when the tap is done with them. Its
   * writes never fail: a tap that cannot read on only misses this capture, which is then read from
   * the spool.
   */
  OutputStream open(String origin);
}
