package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control-socket client against a server speaking as OVS's unixctl does: replies in pieces,
 * text with quotes, braces and escapes, errors, and a server that never answers.
 */
class UnixctlTest {

  @TempDir Path tmp;

  @Test
  void repliesAreReadWholeAndUnescaped() {
    // as ovs-vswitchd 3.1 answered ofproto/trace and a refused fdb/add on the lab replica
    String trace =
        "{\"id\":0,\"result\":\"Flow: icmp,in_port=1\\n\\nbridge(\\\"br-int\\\")\\n"
            + "{ \\\"x\\\" }\\tDatapath actions: drop\\n\",\"error\":null}";
    assertThat(Unixctl.field(trace, "result"))
        .isEqualTo(
            "Flow: icmp,in_port=1\n\nbridge(\"br-int\")\n{ \"x\" }\tDatapath actions: drop\n");
    assertThat(Unixctl.field(trace, "error")).isNull();
    String refused = "{\"id\":3,\"result\":null,\"error\":\"no such bridge\\n\"}";
    assertThat(Unixctl.field(refused, "error")).isEqualTo("no such bridge\n");
    // a value equal to a key's name is not the key
    assertThat(Unixctl.field("{\"result\":\"error\",\"error\":null}", "error")).isNull();
    assertThat(Unixctl.field("{\"result\":\"\\u00e9\"}", "result")).isEqualTo("é");
  }

  @Test
  void requestsGoOverOneConnectionAndErrorsAreFailures() throws Exception {
    Path sock = tmp.resolve("ctl");
    List<String> requests = new ArrayList<>();
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Thread t =
          new Thread(
              () -> {
                try (SocketChannel c = server.accept()) {
                  requests.add(read(c));
                  // the reply split in two writes, the split inside a string with a brace
                  write(c, "{\"id\":0,\"result\":\"a } b");
                  Thread.sleep(50);
                  write(c, "\\\"c\\\"\\n\",\"error\":null}");
                  requests.add(read(c));
                  write(c, "{\"id\":1,\"error\":\"unknown command\",\"result\":null}");
                } catch (Exception e) {
                  requests.add("server: " + e);
                }
              });
      t.start();
      try (Unixctl u = Unixctl.connect(sock, Duration.ofSeconds(5)).orElseThrow()) {
        assertThat(u.call(List.of("fdb/add", "br-int", "we\"ird", "0", "fa:16:3e:00:00:01")))
            .isEqualTo("a } b\"c\"\n");
        assertThatThrownBy(() -> u.call(List.of("nope")))
            .isInstanceOf(ReplicaFailure.class)
            .hasMessageContaining("unknown command");
      }
      t.join(5000);
    }
    assertThat(requests.get(0))
        .isEqualTo(
            "{\"method\":\"fdb/add\",\"params\":[\"br-int\",\"we\\\"ird\",\"0\","
                + "\"fa:16:3e:00:00:01\"],\"id\":0}");
    assertThat(requests.get(1)).isEqualTo("{\"method\":\"nope\",\"params\":[],\"id\":1}");
  }

  @Test
  void aDaemonThatNeverAnswersRunsOverTheLimit() throws Exception {
    Path sock = tmp.resolve("ctl");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      try (Unixctl u = Unixctl.connect(sock, Duration.ofMillis(300)).orElseThrow();
          SocketChannel accepted = server.accept()) {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> u.call(List.of("dpctl/show")))
            .isInstanceOf(ReplicaFailure.class)
            .hasMessageContaining("limit");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
      }
    }
  }

  @Test
  void noSocketMeansNoConnection() {
    assertThat(Unixctl.connect(tmp.resolve("absent"), Duration.ofSeconds(1))).isEmpty();
    Path tooLong = tmp.resolve("x".repeat(120));
    assertThat(Unixctl.connect(tooLong, Duration.ofSeconds(1))).isEmpty();
  }

  private static String read(SocketChannel c) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    int depth = 0;
    boolean in = false;
    boolean esc = false;
    while (c.read(one.clear()) == 1) {
      byte x = one.get(0);
      b.write(x);
      if (esc) {
        esc = false;
      } else if (in) {
        esc = x == '\\';
        in = x != '"';
      } else if (x == '"') {
        in = true;
      } else if (x == '{') {
        depth++;
      } else if (x == '}' && --depth == 0) {
        break;
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  private static void write(SocketChannel c, String s) throws Exception {
    ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      c.write(b);
    }
  }
}
