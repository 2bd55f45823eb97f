package io.vmflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a spooled text artifact as lines for a parser. Dumps come from many locales: invalid UTF-8
 * is replaced rather than rejected (the lines are named, so a finding can say where), CR of CRLF
 * endings is dropped, so parsers see clean lines. At most {@link #maxBytes()} of a file are loaded,
 * so one huge file cannot take the heap the run needs.
 */
public final class ArtifactText {

  private static final int NAMED = 10;

  /**
   * @param lines the decoded lines
   * @param invalidLines 1-based numbers of the first lines holding invalid UTF-8
   * @param invalidCount lines holding invalid UTF-8
   * @param cutAt bytes loaded when the file was longer than the load cap, else -1
   */
  public record Text(
      List<String> lines, List<Integer> invalidLines, int invalidCount, long cutAt) {}

  private ArtifactText() {}

  /** The lines of {@code content} (the caller owns the file). */
  public static List<String> lines(Path content) throws IOException {
    return read(content).lines();
  }

  /** Bytes of one file loaded for parsing: an eighth of the heap, at most 256 MiB. */
  public static long maxBytes() {
    return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
  }

  public static Text read(Path content) throws IOException {
    long cap = maxBytes();
    byte[] bytes;
    long size = Files.size(content);
    try (InputStream in = Files.newInputStream(content)) {
      bytes = in.readNBytes((int) Math.min(cap, Math.min(size, Integer.MAX_VALUE - 16)));
    }
    List<String> lines = new ArrayList<>();
    List<Integer> invalid = new ArrayList<>();
    int invalidCount = 0;
    int start = 0;
    int n = bytes.length;
    for (int i = 0; i <= n; i++) {
      if (i == n ? start < n : bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        if (!decode(bytes, start, end, lines)) {
          invalidCount++;
          if (invalid.size() < NAMED) {
            invalid.add(lines.size());
          }
        }
        start = i + 1;
      }
    }
    return new Text(lines, invalid, invalidCount, size > bytes.length ? bytes.length : -1);
  }

  // adds the line; false when it held invalid UTF-8 (then decoded with replacement characters)
  private static boolean decode(byte[] b, int from, int to, List<String> lines) {
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = b[i] >= 0;
    }
    if (ascii) {
      lines.add(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
      return true;
    }
    try {
      lines.add(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b, from, to - from))
              .toString());
      return true;
    } catch (CharacterCodingException e) {
      lines.add(new String(b, from, to - from, StandardCharsets.UTF_8));
      return false;
    }
  }
}
