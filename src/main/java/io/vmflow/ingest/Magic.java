package io.vmflow.ingest;

/** What the first bytes of an entry say it is (Tika-style sniffing; names are not trusted). */
enum Magic {
  PCAP,
  PCAPNG,
  GZIP,
  XZ,
  BZIP2,
  ZSTD,
  ZIP,
  TAR,
  TEXT,
  BINARY,
  EMPTY;

  static Magic of(byte[] head, int n) {
    if (n == 0) {
      return EMPTY;
    }
    if (n >= 4) {
      int b0 = head[0] & 0xff;
      int b1 = head[1] & 0xff;
      int b2 = head[2] & 0xff;
      int b3 = head[3] & 0xff;
      int le = b0 | b1 << 8 | b2 << 16 | b3 << 24;
      // a1b2c3d4 (µs) and a1b23c4d (ns), either byte order
      if (le == 0xa1b2c3d4 || le == 0xd4c3b2a1 || le == 0xa1b23c4d || le == 0x4d3cb2a1) {
        return PCAP;
      }
      if (le == 0x0a0d0d0a) {
        return PCAPNG;
      }
      if (b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd) {
        return ZSTD;
      }
      if (b0 == 'P' && b1 == 'K' && (b2 == 3 || b2 == 5) && (b3 == 4 || b3 == 6)) {
        return ZIP;
      }
    }
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (n >= 6
        && (head[0] & 0xff) == 0xfd
        && head[1] == '7'
        && head[2] == 'z'
        && head[3] == 'X'
        && head[4] == 'Z') {
      return XZ;
    }
    if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      return BZIP2;
    }
    if (n >= 262
        && head[257] == 'u'
        && head[258] == 's'
        && head[259] == 't'
        && head[260] == 'a'
        && head[261] == 'r') {
      return TAR;
    }
    return looksLikeText(head, n) ? TEXT : BINARY;
  }

  boolean isArchive() {
    return this == GZIP
        || this == XZ
        || this == BZIP2
        || this == ZSTD
        || this == ZIP
        || this == TAR;
  }

  // text: mostly printable (UTF-8 multibyte and tabs allowed); a stray NUL or control byte in an
  // otherwise readable table does not make it binary, where it would be dropped whole
  private static boolean looksLikeText(byte[] head, int n) {
    int odd = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xff;
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x1b && b != '\f') {
        odd++;
      }
    }
    return odd * 20 < n;
  }
}
