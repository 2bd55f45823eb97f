/**
 * Leaf package: {@link io.vmflow.finding.Finding}, the one record every stage uses to report bad
 * input, missing coverage and network conclusions. Codes are stable strings; messages quote the
 * offending text.
 */
package io.vmflow.finding;
