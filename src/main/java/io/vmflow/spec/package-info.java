/**
 * Leaf package: the {@link io.vmflow.spec.Spec} enum of output kinds and the layouts that map specs
 * to file names in a bundle. Ingest detects a spec; the parser registry maps it to a parser.
 */
package io.vmflow.spec;
