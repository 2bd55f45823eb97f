package io.vmflow.job;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * Stores an execution context whose values are all strings, booleans and numbers (every context
 * vmflow's jobs and Spring Batch write: the step type, "executed", a reader's position, the
 * report's summary) as lines of text, and any other through Spring Batch's default serializer (Java
 * serialization in Base64), which also reads every context stored before this one existed. The job
 * repository stores each step's context three or four times and the job's after every step: with
 * Java serialization that was 3 % of a small run's job thread.
 *
 * <pre>
 * vmflow-context 1
 * batch.executed	B	true
 * parse.position	I	14
 * input.skipped	S	a\nb
 * </pre>
 *
 * Keys and string values escape backslash, tab, line feed and carriage return.
 */
final class PlainContextSerializer implements ExecutionContextSerializer {

  static final String HEADER = "vmflow-context 1\n";

  private final DefaultExecutionContextSerializer fallback =
      new DefaultExecutionContextSerializer();

  @Override
  public void serialize(Map<String, Object> context, OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (Map.Entry<String, Object> e : context.entrySet()) {
      String type = typeOf(e.getValue());
      if (type == null) {
        fallback.serialize(context, out);
        return;
      }
      escape(e.getKey(), text);
      text.append('\t').append(type).append('\t');
      escape(String.valueOf(e.getValue()), text);
      text.append('\n');
    }
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Map<String, Object> deserialize(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.startsWith(HEADER)) {
      return fallback.deserialize(new ByteArrayInputStream(bytes));
    }
    Map<String, Object> out = new HashMap<>();
    for (String line : text.substring(HEADER.length()).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 3) {
        throw new IllegalArgumentException("unreadable execution context line: '" + line + "'");
      }
      out.put(unescape(f[0]), value(f[1], unescape(f[2])));
    }
    return out;
  }

  // the types written as text; null for any other (and for null, which the fallback rejects)
  private static String typeOf(Object v) {
    if (v instanceof String) {
      return "S";
    } else if (v instanceof Integer) {
      return "I";
    } else if (v instanceof Long) {
      return "L";
    } else if (v instanceof Boolean) {
      return "B";
    } else if (v instanceof Double) {
      return "D";
    }
    return null;
  }

  private static Object value(String type, String s) {
    return switch (type) {
      case "S" -> s;
      case "I" -> Integer.valueOf(s);
      case "L" -> Long.valueOf(s);
      case "B" -> Boolean.valueOf(s);
      case "D" -> Double.valueOf(s);
      default ->
          throw new IllegalArgumentException("unknown execution context type: '" + type + "'");
    };
  }

  private static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      out.append(
          switch (n) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            default -> n;
          });
    }
    return out.toString();
  }
}
