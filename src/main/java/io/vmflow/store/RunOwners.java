package io.vmflow.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who runs a nightly run, as {@code host:pid}, and whether that process still lives: on this host
 * its process id says; on another host, a heartbeat newer than {@link #STALE} does. A run written
 * before owners were recorded (empty owner) counts as dead.
 */
public final class RunOwners {

  /** A run whose heartbeat is older than this, on another host, is taken as dead. */
  public static final Duration STALE = Duration.ofMinutes(15);

  private RunOwners() {}

  /** This process, as {@code host:pid}. */
  public static String self() {
    return host() + ":" + ProcessHandle.current().pid();
  }

  static boolean isAlive(String owner, Optional<Instant> heartbeat, Instant now) {
    int colon = owner.lastIndexOf(':');
    if (colon <= 0) {
      return false;
    }
    String host = owner.substring(0, colon);
    if (host.equals(host())) {
      try {
        long pid = Long.parseLong(owner.substring(colon + 1));
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return heartbeat.map(h -> h.isAfter(now.minus(STALE))).orElse(false);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    }
  }
}
