package io.vmflow.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Benchmark input, not a test: an incident-like .tar.gz holding {@code files} sosreport-style
 * command outputs (OpenFlow flow dumps) of about {@code bytes} in total.
 *
 * <pre>
 * java -cp target/test-classes:$(cat cp.txt) io.vmflow.bench.GenerateBundle /tmp/bench/bundle-1g.tgz 1073741824 2000
 * </pre>
 */
public final class GenerateBundle {

  private GenerateBundle() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    long total = Long.parseLong(args[1]);
    int files = Integer.parseInt(args[2]);
    long perFile = total / files;
    try (OutputStream gz =
            new GZIPOutputStream(
                new BufferedOutputStream(Files.newOutputStream(out), 1 << 20), 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      long flow = 0;
      for (int f = 0; f < files; f++) {
        StringBuilder text = new StringBuilder((int) perFile + 256);
        text.append("OFPST_FLOW reply (OF1.3) (xid=0x2):\n");
        while (text.length() < perFile) {
          text.append(
              String.format(
                  Locale.ROOT,
                  " cookie=0x%x, duration=%d.%03ds, table=%d, n_packets=%d, n_bytes=%d, priority=%d,in_port=%d,dl_vlan=%d actions=strip_vlan,output:%d%n",
                  flow,
                  flow % 90000,
                  flow % 1000,
                  flow % 90,
                  flow * 7,
                  flow * 640,
                  1 + flow % 200,
                  1 + flow % 250,
                  flow % 4094,
                  1 + flow % 250));
          flow++;
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e =
            new TarArchiveEntry(
                String.format(
                    "sosreport-node%02d-2024-01-01-abcdefg/sos_commands/openvswitch/ovs-ofctl_dump-flows_br-%04d",
                    f % 20, f));
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    System.out.println(out + ": " + Files.size(out) + " bytes compressed");
  }
}
