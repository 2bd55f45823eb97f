package io.vmflow.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a spooled text artifact as lines for a parser. Dumps come from many locales: invalid UTF-8
 * is replaced rather than rejected, CR of CRLF endings is dropped, so parsers see clean lines.
 */
public final class ArtifactText {

  private ArtifactText() {}

  /** The lines of {@code content} (read whole; the caller owns the file). */
  public static List<String> lines(Path content) throws IOException {
    byte[] bytes = Files.readAllBytes(content);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars;
    try {
      chars = decoder.decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new IOException("cannot decode " + content, e);
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = chars.length();
    for (int i = 0; i < n; i++) {
      if (chars.charAt(i) == '\n') {
        lines.add(trimCr(chars, start, i));
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(trimCr(chars, start, n));
    }
    return lines;
  }

  private static String trimCr(CharBuffer chars, int from, int to) {
    int end = to > from && chars.charAt(to - 1) == '\r' ? to - 1 : to;
    return chars.subSequence(from, end).toString();
  }
}
