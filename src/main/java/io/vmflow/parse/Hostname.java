package io.vmflow.parse;

/** {@code hostname}: the host's name. */
public record Hostname(String name) implements ParsedRecord {}
