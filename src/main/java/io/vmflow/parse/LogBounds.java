package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The bounds a log parser keeps, one per parse: only the newest {@link #MAX_LINES} lines are read,
 * each up to {@link #MAX_LINE} characters, and only the newest {@link #MAX_EVENTS} events are kept.
 * Reaching a bound is said as an INFO finding, so a reader knows the timeline is partial.
 */
final class LogBounds {

  static final int MAX_LINES = 200_000;
  static final int MAX_LINE = 4096;
  static final int MAX_EVENTS = 500;
  static final int MAX_TEXT = 300;
  static final String LOG_LINES_CAPPED = "LOG_LINES_CAPPED";
  static final String LOG_LINES_CUT = "LOG_LINES_CUT";
  static final String LOG_EVENTS_CAPPED = "LOG_EVENTS_CAPPED";

  private final SourceText source;
  private final String name;
  private int cut;
  private int dropped;

  /**
   * @param name the log's name as messages say it ({@code ovsdb-server.log})
   */
  LogBounds(SourceText source, String name) {
    this.source = source;
    this.name = name;
  }

  /** Index of the first line read: the older ones beyond {@link #MAX_LINES} are left. */
  int from() {
    return Math.max(0, source.lines().size() - MAX_LINES);
  }

  /** Line {@code i}, cut to {@link #MAX_LINE} characters. */
  String line(int i) {
    String l = source.lines().get(i);
    if (l.length() > MAX_LINE) {
      cut++;
      return l.substring(0, MAX_LINE);
    }
    return l;
  }

  /** Adds the event, dropping the oldest one beyond {@link #MAX_EVENTS}. */
  <E> void keep(Deque<E> events, E event) {
    events.addLast(event);
    if (events.size() > MAX_EVENTS) {
      events.pollFirst();
      dropped++;
    }
  }

  int dropped() {
    return dropped;
  }

  /** A message cut to {@link #MAX_TEXT} characters. */
  static String text(String t) {
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "..." : t;
  }

  List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    if (from() > 0) {
      out.add(
          info(
              LOG_LINES_CAPPED,
              name
                  + " has "
                  + source.lines().size()
                  + " lines: the newest "
                  + MAX_LINES
                  + " are read, "
                  + from()
                  + " older ones left out"));
    }
    if (cut > 0) {
      out.add(
          info(
              LOG_LINES_CUT,
              cut + " lines of " + name + " longer than " + MAX_LINE + " characters were cut"));
    }
    if (dropped > 0) {
      out.add(
          info(
              LOG_EVENTS_CAPPED,
              name
                  + " holds more than "
                  + MAX_EVENTS
                  + " events: the newest "
                  + MAX_EVENTS
                  + " are kept, "
                  + dropped
                  + " older ones left out"));
    }
    return out;
  }

  private Finding info(String code, String message) {
    return Finding.input(Severity.INFO, code, message, source.origin(), source.firstLine());
  }
}
