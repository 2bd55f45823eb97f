package io.vmflow.ingest;

/** Stable finding codes of the ingest stage. */
final class IngestCodes {
  static final String PATH_TRAVERSAL = "ARCHIVE_PATH_TRAVERSAL";
  static final String LINK_OUTSIDE = "ARCHIVE_LINK_OUTSIDE";
  static final String LINK_SKIPPED = "ARCHIVE_LINK_SKIPPED";
  static final String BOMB_RATIO = "ARCHIVE_BOMB_RATIO";
  static final String BOMB_NESTED = "ARCHIVE_BOMB_NESTED";
  static final String LINE_TOO_LONG = "ENTRY_LINE_TOO_LONG";
  static final String NAME_TOO_LONG = "ENTRY_NAME_TOO_LONG";
  static final String NAME_CONTROL_CHARS = "ENTRY_NAME_CONTROL_CHARS";
  static final String ENTRY_FAILED = "ENTRY_FAILED";
  static final String OWN_OUTPUT = "INPUT_OWN_OUTPUT_SKIPPED";
  static final String TOO_LARGE = "ARCHIVE_TOO_LARGE";
  static final String ENTRY_TOO_LARGE = "ENTRY_TOO_LARGE";
  static final String TOO_MANY_ENTRIES = "ARCHIVE_TOO_MANY_ENTRIES";
  static final String TOO_DEEP = "ARCHIVE_TOO_DEEP";
  static final String TRUNCATED = "ARCHIVE_TRUNCATED";
  static final String SPECIAL_FILE = "ENTRY_SPECIAL_FILE";
  static final String EMPTY = "ENTRY_EMPTY";
  static final String DUPLICATE_NAME = "ENTRY_DUPLICATE_NAME";
  static final String UNKNOWN = "ENTRY_UNKNOWN";
  static final String UNRECOGNISED_TEXT = "ENTRY_UNRECOGNISED_TEXT";
  static final String UNREADABLE = "INPUT_UNREADABLE";
  static final String TRANSCRIPT_COMMAND_UNKNOWN = "TRANSCRIPT_COMMAND_UNKNOWN";
  // vmflow-collect manifest: the collection itself, and each command that left a gap
  static final String COLLECT_MANIFEST = "COLLECT_MANIFEST";
  static final String COLLECT_COMMAND_FAILED = "COLLECT_COMMAND_FAILED";
  static final String COLLECT_COMMAND_RETRIED = "COLLECT_COMMAND_RETRIED";
  static final String COLLECT_COMMAND_TIMEOUT = "COLLECT_COMMAND_TIMEOUT";
  static final String COLLECT_COMMAND_ABSENT = "COLLECT_COMMAND_ABSENT";
  static final String COLLECT_COMMAND_SKIPPED = "COLLECT_COMMAND_SKIPPED";
  static final String COLLECT_MANIFEST_BAD_ROW = "COLLECT_MANIFEST_BAD_ROW";

  private IngestCodes() {}
}
