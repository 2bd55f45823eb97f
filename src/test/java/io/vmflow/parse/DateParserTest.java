package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** date and date --utc on real outputs (coreutils 9.1, one instant in five zones). */
class DateParserTest {

  private static final LocalDateTime UTC_READING = LocalDateTime.of(2026, 12, 2, 6, 44, 35);

  private static DateOutput parse(Spec spec, String folder, String file) {
    Parsed<DateOutput> r = new DateParser(spec).parse(Fixtures.file(spec, folder, file, ""));
    assertThat(r.findings()).isEmpty();
    return r.value().orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
    "utc_date.txt, 0, 'UTC', true, 0",
    "shanghai_date.txt, 480, 'CST', false, ",
    "kolkata_date.txt, 330, 'IST', false, ",
    "newyork_date.txt, -300, 'EST', false, ",
    "singapore_date.txt, 480, '+08', false, 480"
  })
  void eachZoneReadsItsWallClockAndZone(
      String file, int minutes, String zone, boolean universal, Integer stated) {
    DateOutput d = parse(Spec.DATE, "date", file);
    assertThat(d.wall()).isEqualTo(UTC_READING.plusMinutes(minutes));
    assertThat(d.zone()).isEqualTo(zone);
    assertThat(d.universal()).isEqualTo(universal);
    if (stated == null) {
      // CST is China's +08 and the US's -06: an abbreviation alone says no offset
      assertThat(d.statedOffset()).isEmpty();
    } else {
      assertThat(d.statedOffset()).contains(ZoneOffset.ofTotalSeconds(stated * 60));
    }
    assertThat(d.line()).isEqualTo(1);
  }

  @Test
  void dateUtcOnAHostInShanghaiIsTheUtcReading() {
    DateOutput d = parse(Spec.DATE_UTC, "date_utc", "shanghai_date_--utc.txt");
    assertThat(d.wall()).isEqualTo(UTC_READING);
    assertThat(d.universal()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    // en_US with coreutils 8.31+ and glibc 2.29+: a 12-hour clock, and the day before the month
    "'Wed Dec  2 02:44:35 PM CST 2026', 14",
    "'Wed 02 Dec 2026 02:44:35 PM CST', 14",
    "'Wed 02 Dec 2026 12:44:35 AM CST', 0",
    "'Wed  2 Dec 06:44:35 UTC 2026', 6"
  })
  void otherLocalesWordOrderIsReadByShape(String line, int hour) {
    DateOutput d = DateParser.reading(line, 1).orElseThrow();
    assertThat(d.wall()).isEqualTo(LocalDateTime.of(2026, 12, 2, hour, 44, 35));
  }

  @Test
  void anythingElseIsAnUnrecognisedLineOrNoData() {
    Parsed<DateOutput> epoch =
        new DateParser(Spec.DATE).parse(new SourceText(Spec.DATE, "x/date", List.of("1796193875")));
    assertThat(epoch.value()).isEmpty();
    assertThat(epoch.findings())
        .extracting(f -> f.code())
        .containsExactly("PARSE_UNRECOGNISED_LINE");
    Parsed<DateOutput> empty =
        new DateParser(Spec.DATE).parse(new SourceText(Spec.DATE, "x/date", List.of("", " ")));
    assertThat(empty.findings()).extracting(f -> f.code()).containsExactly("PARSE_NO_DATA");
    // a day that does not exist
    assertThat(DateParser.reading("Wed Feb 31 06:44:35 UTC 2026", 1)).isEmpty();
  }
}
