package io.vmflow.ping;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands bytes from one thread to another in 1 MB chunks, at most {@link #DEPTH} of them in flight
 * (8 MB): the writer waits when the reader is behind. The writer never fails: once the reader has
 * closed its end, further bytes are dropped.
 */
final class BytePipe {

  static final int CHUNK = 1 << 20;
  static final int DEPTH = 8;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(DEPTH);
  private volatile boolean readerGone;

  /** The writing end; its writes and close never throw. */
  final class Writer extends OutputStream {
    private byte[] buf = new byte[CHUNK];
    private int n;
    private boolean closed;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0 && !closed) {
        int k = Math.min(len, CHUNK - n);
        System.arraycopy(b, off, buf, n, k);
        n += k;
        off += k;
        len -= k;
        if (n == CHUNK) {
          hand(buf);
          buf = new byte[CHUNK];
          n = 0;
        }
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (n > 0) {
        hand(Arrays.copyOf(buf, n));
      }
      hand(END);
    }
  }

  private final Writer out = new Writer();

  private final InputStream in =
      new InputStream() {
        private byte[] cur;
        private int pos;
        private boolean ended;

        @Override
        public int read() {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (len == 0) {
            return 0;
          }
          while (cur == null || pos == cur.length) {
            if (ended) {
              return -1;
            }
            try {
              cur = queue.take();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              ended = true;
              return -1;
            }
            pos = 0;
            if (cur == END) {
              ended = true;
              return -1;
            }
          }
          int k = Math.min(len, cur.length - pos);
          System.arraycopy(cur, pos, b, off, k);
          pos += k;
          return k;
        }

        @Override
        public void close() {
          readerGone = true;
          queue.clear();
        }
      };

  Writer output() {
    return out;
  }

  InputStream input() {
    return in;
  }

  // waits for room; gives up the chunk once the reader is gone (or the writer is interrupted)
  private void hand(byte[] chunk) {
    try {
      while (!readerGone) {
        if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      readerGone = true;
    }
  }
}
