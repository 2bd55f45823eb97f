package io.vmflow.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Asks a decompressor for 4 KiB at a time. A decompressor that meets truncation mid-read throws
 * away what it inflated in that call; here the bytes of the chunks before are returned first and
 * the damage is raised on the next read, so everything before it (to within 4 KiB) is kept.
 */
final class SmallReads extends FilterInputStream {

  private static final int CHUNK = 4096;

  private IOException pending;

  SmallReads(InputStream in) {
    super(in);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (pending != null) {
      IOException e = pending;
      pending = null;
      throw e;
    }
    int got = 0;
    while (got < len) {
      int n;
      try {
        n = super.read(b, off + got, Math.min(CHUNK, len - got));
      } catch (IOException e) {
        if (got == 0) {
          throw e;
        }
        pending = e;
        return got;
      }
      if (n < 0) {
        return got == 0 ? -1 : got;
      }
      got += n;
      if (n < Math.min(CHUNK, len - got + n)) {
        break;
      }
    }
    return got;
  }
}
