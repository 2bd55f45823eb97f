package io.vmflow.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the nightly trend chart: findings per run as bars, ping loss as a polyline, over the
 * last runs. Computed here so the template only places shapes.
 */
record TrendChart(int width, int height, List<Bar> bars, String lossPoints, int maxFindings) {

  record Bar(double x, double y, double w, double h, String label) {}

  static final int W = 600;
  static final int H = 160;
  static final int PAD = 24;

  static TrendChart of(List<NightlyReport.RunPoint> runs) {
    int max = Math.max(1, runs.stream().mapToInt(NightlyReport.RunPoint::findings).max().orElse(1));
    double slot = runs.isEmpty() ? 0 : (double) (W - 2 * PAD) / runs.size();
    List<Bar> bars = new ArrayList<>();
    StringBuilder loss = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      NightlyReport.RunPoint r = runs.get(i);
      double h = (H - 2 * PAD) * (double) r.findings() / max;
      double x = PAD + i * slot;
      bars.add(
          new Bar(
              x + slot * 0.15,
              H - PAD - h,
              slot * 0.7,
              h,
              "run "
                  + r.runId()
                  + ": "
                  + r.findings()
                  + " findings, "
                  + String.format(java.util.Locale.ROOT, "%.1f", r.lossPercent())
                  + "% loss"));
      double ly = H - PAD - (H - 2 * PAD) * r.lossPercent() / 100.0;
      loss.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x + slot / 2, ly));
    }
    return new TrendChart(W, H, bars, loss.toString().trim(), max);
  }
}
