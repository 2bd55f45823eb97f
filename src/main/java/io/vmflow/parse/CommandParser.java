package io.vmflow.parse;

import io.vmflow.spec.Spec;

/**
 * A pure function from one command output to one record. Implementations are stateless, do no I/O
 * and never throw on bad input: an unreadable line becomes a finding with its line number.
 *
 * @param <T> the record the command's output becomes, named after the command
 */
public interface CommandParser<T extends ParsedRecord> {

  Spec spec();

  /** The record type, so stored facts can be read back. */
  Class<T> type();

  Parsed<T> parse(SourceText source);
}
