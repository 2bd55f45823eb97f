package io.vmflow.job;

import io.vmflow.ingest.ManifestProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which inbox entries are analysed together. Three rules, in this order:
 *
 * <ol>
 *   <li><b>folder</b>: a sub-folder of the inbox is one collection;
 *   <li><b>case</b>: loose files whose collector manifest carries an id the responder gave ({@code
 *       vmflow-collect --case ID}) form the collection of that id; a loose file without one (a
 *       controller tarball made by hand, an older collector) joins the case collection collected
 *       within {@link #WINDOW} of it, the nearest if several;
 *   <li><b>time</b>: the remaining loose files, in order of collection time (manifest time, else
 *       the newest archive entry's time, else the file's modification time), form one collection
 *       per {@link #WINDOW}: a file joins the current one while it was collected within the window
 *       of that collection's first file.
 * </ol>
 *
 * Each member keeps the sentence saying which rule put it there.
 */
final class NightlyCollections {

  /** Tarballs of one collection are made within minutes; two nights are hours apart. */
  static final Duration WINDOW = Duration.ofMinutes(30);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A loose inbox file with what its probe said and its own modification time. */
  record Loose(Path path, ManifestProbe.Probe probe, Instant modified) {
    Instant time() {
      return probe.collectedAt().orElse(modified);
    }
  }

  /** A member of a collection and why it is one. */
  record Member(Path path, String rule) {}

  /** One collection: analysed as one job, recorded as one observation of each of its VMs. */
  record Collection(String name, String rule, Optional<Instant> collectedAt, List<Member> members) {
    Collection {
      members = List.copyOf(members);
    }

    List<Path> paths() {
      return members.stream().map(Member::path).sorted().toList();
    }

    /** The rule that grouped it, with each member and its own rule: what the page shows. */
    String grouping() {
      return rule
          + ": "
          + members.stream()
              .map(m -> m.path().getFileName() + " (" + m.rule() + ")")
              .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Its report folder under the nightly output: name and content hash, so reruns reuse it. */
    Path reportDir(Path out, String sha) {
      return out.resolve("bundles")
          .resolve(AnalyzeDirs.name(Path.of(name)) + "-" + sha.substring(0, 12));
    }

    /** Its claim row: hash, file names, name, grouping, time, report folder. */
    io.vmflow.store.CollectionClaims.Collection claimRow(String sha, Path out) {
      return new io.vmflow.store.CollectionClaims.Collection(
          sha,
          members.stream()
              .map(m -> m.path().getFileName().toString())
              .collect(java.util.stream.Collectors.joining(", ")),
          name,
          grouping(),
          collectedAt,
          out.relativize(reportDir(out, sha)).toString());
    }
  }

  private NightlyCollections() {}

  static Collection folder(Path dir, Optional<Instant> collectedAt) {
    return new Collection(
        dir.getFileName().toString(),
        "folder",
        collectedAt,
        List.of(new Member(dir, "sub-folder of the inbox: one collection")));
  }

  /** Groups loose files by case id, then by time; in order of collection time. */
  static List<Collection> group(List<Loose> files) {
    Map<String, List<Loose>> byCase = new LinkedHashMap<>();
    List<Loose> rest = new ArrayList<>();
    for (Loose f : sorted(files)) {
      f.probe()
          .givenCase()
          .ifPresentOrElse(
              id -> byCase.computeIfAbsent(id, k -> new ArrayList<>()).add(f), () -> rest.add(f));
    }
    Map<String, List<Member>> caseMembers = new LinkedHashMap<>();
    byCase.forEach(
        (id, fs) ->
            caseMembers.put(
                id,
                new ArrayList<>(
                    fs.stream().map(f -> new Member(f.path(), "manifest case " + id)).toList())));
    List<Loose> unplaced = new ArrayList<>();
    for (Loose f : rest) {
      Optional<String> near = nearestCase(f, byCase);
      near.ifPresentOrElse(
          id ->
              caseMembers
                  .get(id)
                  .add(
                      new Member(
                          f.path(),
                          "no case id; collected within "
                              + WINDOW.toMinutes()
                              + " min of case "
                              + id)),
          () -> unplaced.add(f));
    }
    List<Collection> out = new ArrayList<>();
    byCase.forEach(
        (id, fs) ->
            out.add(
                new Collection(id, "case", Optional.of(fs.get(0).time()), caseMembers.get(id))));
    out.addAll(byTime(unplaced));
    out.sort(
        Comparator.comparing((Collection c) -> c.collectedAt().orElse(Instant.EPOCH))
            .thenComparing(Collection::name));
    return out;
  }

  private static List<Collection> byTime(List<Loose> files) {
    List<Collection> out = new ArrayList<>();
    List<Loose> current = new ArrayList<>();
    java.util.Set<String> dumps = new java.util.HashSet<>();
    for (Loose f : files) {
      List<String> mine = dumps(f);
      boolean late = !current.isEmpty() && f.time().isAfter(current.get(0).time().plus(WINDOW));
      if (late || mine.stream().anyMatch(dumps::contains)) {
        out.add(timeCollection(current));
        current = new ArrayList<>();
        dumps.clear();
      }
      current.add(f);
      dumps.addAll(mine);
    }
    if (!current.isEmpty()) {
      out.add(timeCollection(current));
    }
    return out;
  }

  // the host dumps a file holds, as host/mode: at most one of each per collection
  private static List<String> dumps(Loose f) {
    return f.probe().manifests().stream()
        .filter(m -> !m.host().isEmpty() && List.of("host", "all", "controller").contains(m.mode()))
        .map(m -> m.host() + "/" + m.mode())
        .distinct()
        .toList();
  }

  private static Collection timeCollection(List<Loose> fs) {
    Instant start = fs.get(0).time();
    String name = "loose-" + STAMP.format(start);
    List<Member> members =
        fs.stream()
            .map(
                f ->
                    new Member(
                        f.path(),
                        "collected "
                            + STAMP.format(f.time())
                            + (f.probe().collectedAt().isPresent()
                                ? " (manifest or archive time)"
                                : " (file time)")
                            + ", within "
                            + WINDOW.toMinutes()
                            + " min of "
                            + STAMP.format(start)))
            .toList();
    return new Collection(name, "time", Optional.of(start), members);
  }

  private static Optional<String> nearestCase(Loose f, Map<String, List<Loose>> byCase) {
    String best = null;
    Duration bestGap = null;
    for (Map.Entry<String, List<Loose>> e : byCase.entrySet()) {
      Instant first = e.getValue().get(0).time();
      Instant last = e.getValue().get(e.getValue().size() - 1).time();
      Duration gap =
          f.time().isBefore(first)
              ? Duration.between(f.time(), first)
              : f.time().isAfter(last) ? Duration.between(last, f.time()) : Duration.ZERO;
      if (gap.compareTo(WINDOW) <= 0 && (bestGap == null || gap.compareTo(bestGap) < 0)) {
        best = e.getKey();
        bestGap = gap;
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<Loose> sorted(List<Loose> files) {
    return files.stream()
        .sorted(Comparator.comparing(Loose::time).thenComparing(l -> l.path().toString()))
        .toList();
  }
}
