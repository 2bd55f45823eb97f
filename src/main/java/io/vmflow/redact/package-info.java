/**
 * Redaction of a written report for sharing outside the company: a {@code sos clean}-compatible map
 * (host names, domains, IPv4/IPv6 addresses and networks, MACs, keywords, plus vmflow's port ids)
 * built from the report's facts and from recognisers, applied as one consistent longest-match-first
 * substitution over every file of the report. Input: a report folder; output: a redacted copy and
 * the map, never inside the copy. Plain Java; reads only what the report stage wrote.
 */
package io.vmflow.redact;
