package io.vmflow.capture;

import io.vmflow.finding.Finding;
import java.util.List;

/**
 * What reading one capture file gave.
 *
 * @param format {@code pcap}, {@code pcapng}, possibly with {@code +gzip}
 * @param points the capture points (interfaces) the frames were seen on
 */
public record CaptureSummary(
    String format, long frames, long echoes, List<String> points, List<Finding> findings) {

  public CaptureSummary {
    points = List.copyOf(points);
    findings = List.copyOf(findings);
  }
}
