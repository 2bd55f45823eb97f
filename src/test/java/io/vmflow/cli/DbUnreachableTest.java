package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a refused {@code --db} is one line naming the URL, password masked, exit 2, no stack
 * trace.
 */
class DbUnreachableTest {

  @Test
  void aRefusedDatabaseIsOneLineNamingTheUrlWithoutItsPassword(@TempDir Path tmp) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/vmflow?user=bob&password=s3cret";

    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    System.setOut(new PrintStream(out, true));
    int status;
    try {
      status =
          VmflowMain.run(
              "nightly",
              "--inbox",
              inbox.toString(),
              "-o",
              tmp.resolve("out").toString(),
              "--db",
              url);
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }

    String all = err.toString() + out.toString();
    assertThat(status).isEqualTo(2);
    assertThat(all)
        .contains("cannot open the history database jdbc:postgresql://127.0.0.1:" + port)
        .contains("password=***")
        .doesNotContain("s3cret")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(all.strip().lines().filter(l -> l.startsWith("vmflow nightly:")).count())
        .isEqualTo(1);
  }

  @Test
  void passwordsInUrlsAreMasked() {
    assertThat(DbUrls.redact("jdbc:postgresql://h/db?user=u&password=p&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    assertThat(DbUrls.redact("jdbc:postgresql://u:p4ss@h:5432/db"))
        .isEqualTo("jdbc:postgresql://u:***@h:5432/db");
    assertThat(DbUrls.redact("jdbc:h2:file:/tmp/x;PASSWORD=abc;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:/tmp/x;PASSWORD=***;MODE=PostgreSQL");
  }
}
