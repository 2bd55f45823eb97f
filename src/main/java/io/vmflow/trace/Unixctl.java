package io.vmflow.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A connection to a daemon's control socket, speaking what {@code ovs-appctl} speaks (JSON-RPC 1.0,
 * OVS's lib/unixctl.c) without starting a process per command: many {@code fdb/add} and {@code
 * ofproto/trace} calls go over one connection. Request and replies, one JSON object each:
 *
 * <pre>
 * {"method":"fdb/add","params":["br-int","qvo1","1","fa:16:3e:00:00:01"],"id":0}
 * {"id":0,"result":"","error":null}
 * {"id":1,"error":"no such bridge\n","result":null}
 * </pre>
 *
 * For one thread at a time; the caller owns it and closes it.
 */
final class Unixctl implements AutoCloseable {

  private final SocketChannel channel;
  private final Selector selector;
  private final Duration limit;
  private int id;

  private Unixctl(SocketChannel channel, Selector selector, Duration limit) {
    this.channel = channel;
    this.selector = selector;
    this.limit = limit;
  }

  /**
   * Connects to {@code socket}; empty where this JVM cannot (a path longer than a socket address
   * holds, a daemon not listening): the caller falls back to {@code ovs-appctl}, which can.
   */
  static Optional<Unixctl> connect(Path socket, Duration limit) {
    SocketChannel ch = null;
    try {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.configureBlocking(false);
      Selector sel = Selector.open();
      ch.register(sel, SelectionKey.OP_READ);
      return Optional.of(new Unixctl(ch, sel, limit));
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // nothing was sent on it
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Runs one command ({@code args.get(0)}, its arguments after) within the time limit.
   *
   * @return the command's output
   * @throws ReplicaFailure with the daemon's error text, or on a time-out or broken connection
   */
  String call(List<String> args) throws ReplicaFailure {
    StringBuilder req = new StringBuilder("{\"method\":");
    quote(req, args.get(0)).append(",\"params\":[");
    for (int i = 1; i < args.size(); i++) {
      quote(req.append(i > 1 ? "," : ""), args.get(i));
    }
    req.append("],\"id\":").append(id++).append('}');
    String shown = "`ovs-appctl " + String.join(" ", args.subList(0, Math.min(args.size(), 3)));
    try {
      ByteBuffer out = ByteBuffer.wrap(req.toString().getBytes(StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + limit.toNanos();
      while (out.hasRemaining()) {
        channel.write(out);
        if (out.hasRemaining()) {
          wait(deadline, shown);
        }
      }
      String reply = readObject(deadline, shown);
      String error = field(reply, "error");
      if (error != null) {
        throw new ReplicaFailure(shown + "` failed: " + error.trim());
      }
      String result = field(reply, "result");
      return result == null ? "" : result;
    } catch (IOException e) {
      throw new ReplicaFailure(shown + "`: " + e.getMessage());
    }
  }

  private void wait(long deadline, String shown) throws IOException, ReplicaFailure {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new ReplicaFailure(shown + "` ran over its " + limit.toSeconds() + " s limit");
    }
    selector.select(left);
    selector.selectedKeys().clear();
  }

  // one top-level JSON object: read until its braces balance, strings and escapes skipped
  private String readObject(long deadline, String shown) throws IOException, ReplicaFailure {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    boolean started = false;
    while (true) {
      buf.clear();
      int n = channel.read(buf);
      if (n < 0) {
        throw new ReplicaFailure(shown + "`: the daemon closed the connection");
      }
      if (n == 0) {
        wait(deadline, shown);
        continue;
      }
      for (int i = 0; i < n; i++) {
        byte b = buf.get(i);
        got.write(b);
        if (escaped) {
          escaped = false;
        } else if (inString) {
          escaped = b == '\\';
          inString = b != '"';
        } else if (b == '"') {
          inString = true;
        } else if (b == '{') {
          depth++;
          started = true;
        } else if (b == '}' && --depth == 0 && started) {
          return got.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }

  /** The string value of a top-level key, null when it is JSON null or absent. */
  static String field(String object, String key) {
    int depth = 0;
    for (int i = 0; i < object.length(); i++) {
      char c = object.charAt(i);
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        i = unquote(object, i, s);
        int v = skipSpace(object, i + 1);
        // a key is a string followed by a colon; a value string is followed by , or }
        if (depth != 1 || v >= object.length() || object.charAt(v) != ':') {
          continue;
        }
        if (!s.toString().equals(key)) {
          continue;
        }
        v = skipSpace(object, v + 1);
        if (v >= object.length() || object.charAt(v) != '"') {
          return null;
        }
        StringBuilder value = new StringBuilder();
        unquote(object, v, value);
        return value.toString();
      }
    }
    return null;
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && text.charAt(i) <= ' ') {
      i++;
    }
    return i;
  }

  // the string starting at the quote at i, unescaped into s; returns the closing quote's index
  private static int unquote(String text, int i, StringBuilder s) {
    for (int j = i + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '"') {
        return j;
      }
      if (c != '\\' || j + 1 >= text.length()) {
        s.append(c);
        continue;
      }
      char e = text.charAt(++j);
      switch (e) {
        case 'n' -> s.append('\n');
        case 't' -> s.append('\t');
        case 'r' -> s.append('\r');
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'u' -> {
          if (j + 4 < text.length()) {
            s.append((char) Integer.parseInt(text.substring(j + 1, j + 5), 16));
            j += 4;
          }
        }
        default -> s.append(e);
      }
    }
    return text.length();
  }

  static StringBuilder quote(StringBuilder s, String text) {
    s.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"');
  }

  @Override
  public void close() {
    try {
      selector.close();
      channel.close();
    } catch (IOException e) {
      // the daemon is being stopped anyway
    }
  }
}
