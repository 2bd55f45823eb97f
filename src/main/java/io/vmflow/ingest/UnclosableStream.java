package io.vmflow.ingest;

import java.io.FilterInputStream;
import java.io.InputStream;

/** An archive entry's view of the archive stream: closing it must not close the archive. */
final class UnclosableStream extends FilterInputStream {

  UnclosableStream(InputStream in) {
    super(in);
  }

  @Override
  public void close() {
    // the archive stream belongs to the walker
  }
}
