/**
 * One parser per command output format: {@link io.vmflow.parse.SourceText} in, a record named after
 * the command out (each one of the sealed {@link io.vmflow.parse.ParsedRecord} kinds), with
 * findings for lines it could not read. Parsers are pure and stateless; {@link
 * io.vmflow.parse.ParserRegistry} maps each {@link io.vmflow.spec.Spec} to its parser.
 */
package io.vmflow.parse;
