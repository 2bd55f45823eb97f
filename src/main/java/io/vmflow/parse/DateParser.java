package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code date} and {@code date --utc} ({@link Spec#DATE}, {@link Spec#DATE_UTC}): one line, the
 * clock reading with its zone. The order of its words depends on the locale, so they are told by
 * their shape rather than their place:
 *
 * <pre>
 * Wed Dec  2 14:44:35 CST 2026            C locale (sos runs commands in it)
 * Wed Dec  2 02:44:35 PM CST 2026         en_US, coreutils 8.31+
 * Wed 02 Dec 2026 02:44:35 PM CST         en_US, glibc 2.29+
 * Wed Dec  2 14:44:35 +08 2026            a zone without an abbreviation
 * </pre>
 */
final class DateParser implements CommandParser<DateOutput> {

  private static final Map<String, Month> MONTHS = new HashMap<>();

  static {
    for (Month m : Month.values()) {
      MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT), m);
    }
  }

  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})");
  private static final Pattern ZONE = Pattern.compile("[A-Za-z]{1,6}|[+-]\\d{2}(:?\\d{2})?");

  private final Spec spec;

  DateParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<DateOutput> type() {
    return DateOutput.class;
  }

  @Override
  public Parsed<DateOutput> parse(SourceText source) {
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      Optional<DateOutput> d = reading(lines.get(i), source.lineNo(i));
      if (d.isPresent()) {
        return Parsed.of(d.get(), List.of());
      }
      return Parsed.failed(ParseFindings.unrecognised(source, i, "date"));
    }
    return Parsed.failed(ParseFindings.noData(source, "date reading"));
  }

  static Optional<DateOutput> reading(String line, int lineNo) {
    String[] words = line.trim().split("\\s+");
    if (words.length > 8) {
      return Optional.empty();
    }
    Month month = null;
    int day = -1;
    int year = -1;
    Matcher time = null;
    int timeAt = -1;
    String meridiem = "";
    String zone = "";
    for (int w = 0; w < words.length; w++) {
      String word = words[w];
      Matcher t = TIME.matcher(word);
      if (t.matches() && time == null) {
        time = t;
        timeAt = w;
      } else if (word.matches("\\d{4}") && year < 0) {
        year = Integer.parseInt(word);
      } else if (word.matches("\\d{1,2}") && day < 0) {
        day = Integer.parseInt(word);
      } else if (month == null && MONTHS.containsKey(word.toLowerCase(Locale.ROOT))) {
        month = MONTHS.get(word.toLowerCase(Locale.ROOT));
      } else if (timeAt >= 0 && (word.equalsIgnoreCase("AM") || word.equalsIgnoreCase("PM"))) {
        meridiem = word.toUpperCase(Locale.ROOT);
      } else if (timeAt >= 0 && zone.isEmpty() && ZONE.matcher(word).matches()) {
        zone = word;
      }
    }
    if (month == null || day < 1 || year < 0 || time == null || zone.isEmpty()) {
      return Optional.empty();
    }
    int hour = Integer.parseInt(time.group(1));
    if (meridiem.equals("PM") && hour < 12) {
      hour += 12;
    } else if (meridiem.equals("AM") && hour == 12) {
      hour = 0;
    }
    try {
      return Optional.of(
          new DateOutput(
              LocalDateTime.of(
                  year,
                  month,
                  day,
                  hour,
                  Integer.parseInt(time.group(2)),
                  Integer.parseInt(time.group(3))),
              zone,
              lineNo));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
