package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ingest.ArtifactText;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.parse.CommandParser;
import io.vmflow.parse.Parsed;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import io.vmflow.store.CatalogStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Parses one catalog entry with the parser its spec maps to. This is the per-artifact boundary: a
 * parser bug becomes an INTERNAL_ERROR finding for that artifact and the job goes on.
 */
class ParseProcessor implements ItemProcessor<CatalogStore.Row, ParsedArtifact> {

  private static final Logger log = LoggerFactory.getLogger(ParseProcessor.class);

  @Override
  public ParsedArtifact process(CatalogStore.Row row) {
    CatalogEntry e = row.entry();
    Spec spec = e.spec().orElseThrow();
    Optional<CommandParser<?>> parser = ParserRegistry.parserFor(spec);
    if (parser.isEmpty()) {
      return failed(
          row, spec, Severity.INFO, "PARSER_MISSING", "no parser for " + spec.id() + " yet");
    }
    try {
      ArtifactText.Text text = ArtifactText.read(e.content());
      SourceText source =
          new SourceText(spec, e.origin(), e.firstLine(), e.subject(), text.lines());
      List<Finding> found = new ArrayList<>(TextFindings.of(text, e));
      Optional<Finding> noise = Screens.collectorNoise(source);
      if (noise.isPresent()) {
        found.add(noise.get());
        return new ParsedArtifact(row.seq(), spec, Optional.empty(), found);
      }
      Parsed<? extends ParsedRecord> parsed = parser.get().parse(source);
      log.debug("parsed {} as {}: {} findings", e.origin(), spec.id(), parsed.findings().size());
      found.addAll(parsed.findings());
      return new ParsedArtifact(
          row.seq(), spec, parsed.value().map(ParsedRecord.class::cast), found);
    } catch (IOException ex) {
      return failed(
          row,
          spec,
          Severity.ERROR,
          "ENTRY_UNREADABLE",
          "cannot read spooled entry: " + ex.getMessage());
    } catch (RuntimeException ex) {
      log.error("parser {} failed on {}", spec.id(), e.origin(), ex);
      return failed(
          row, spec, Severity.ERROR, "INTERNAL_ERROR", "parser " + spec.id() + " failed: " + ex);
    }
  }

  private static ParsedArtifact failed(
      CatalogStore.Row row, Spec spec, Severity severity, String code, String message) {
    Finding f =
        Finding.input(severity, code, message, row.entry().origin(), row.entry().firstLine());
    return new ParsedArtifact(row.seq(), spec, Optional.empty(), List.of(f));
  }
}
