/**
 * Leaf package: the {@link io.vmflow.spec.Spec} enum of output kinds (abstract name, command line,
 * scope) and {@link io.vmflow.spec.BundleLayout}, which maps sos / vmflow-collect file names to
 * specs. Ingest detects a spec; the parser registry maps it to a parser; {@code CommandFormatsTest}
 * fails when a spec lacks any of these.
 */
package io.vmflow.spec;
