package io.vmflow.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes text through but drops the bytes of any line beyond {@code cap}, so neither the spooled
 * copy nor any reader after it ever holds a line longer than the cap, whatever the input. Memory is
 * the caller's buffer: a 1 GB single-line file streams through like any other.
 */
final class LineCapStream extends FilterInputStream {

  private static final int NAMED = 10;

  private final long cap;
  private long lineLength;
  private int line = 1;
  private boolean cutThisLine;
  private int cutLines;
  private long cutBytes;
  private final List<Integer> firstCut = new ArrayList<>();

  LineCapStream(InputStream in, long cap) {
    super(in);
    this.cap = cap;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (true) {
      int n = super.read(b, off, len);
      if (n <= 0) {
        return n;
      }
      int kept = compact(b, off, n);
      if (kept > 0) {
        return kept;
      }
    }
  }

  private int compact(byte[] b, int off, int n) {
    int w = off;
    for (int i = off; i < off + n; i++) {
      byte c = b[i];
      if (c == '\n') {
        b[w++] = c;
        lineLength = 0;
        cutThisLine = false;
        line++;
      } else if (lineLength < cap) {
        b[w++] = c;
        lineLength++;
      } else {
        if (!cutThisLine) {
          cutThisLine = true;
          cutLines++;
          if (firstCut.size() < NAMED) {
            firstCut.add(line);
          }
        }
        cutBytes++;
      }
    }
    return w - off;
  }

  @Override
  public long skip(long n) throws IOException {
    return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  int cutLines() {
    return cutLines;
  }

  long cutBytes() {
    return cutBytes;
  }

  List<Integer> firstCut() {
    return List.copyOf(firstCut);
  }
}
