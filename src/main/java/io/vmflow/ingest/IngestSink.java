package io.vmflow.ingest;

import io.vmflow.finding.Finding;

/** Receives what ingest finds, in the order it is found. */
public interface IngestSink {

  void entry(CatalogEntry entry);

  void finding(Finding finding);
}
