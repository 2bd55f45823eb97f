package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

class PlainContextSerializerTest {

  private final PlainContextSerializer serializer = new PlainContextSerializer();

  @Test
  void plainValuesRoundTripAsTextWithEveryEscape() throws Exception {
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("batch.executed", true);
    ctx.put("parse.position", 14);
    ctx.put("run.id", 1733140000000L);
    ctx.put("ratio", 0.25);
    ctx.put("input.skipped", "a\tb\nc\\d\re");
    ctx.put("key\twith\nbreaks\\", "");
    String text = write(ctx);
    assertThat(text).startsWith(PlainContextSerializer.HEADER).doesNotContain("rO0");
    assertThat(read(text)).isEqualTo(ctx);
  }

  @Test
  void otherValuesGoThroughJavaSerialization() throws Exception {
    Map<String, Object> ctx = new HashMap<>();
    ctx.put("list", new java.util.ArrayList<>(List.of("a", "b")));
    ctx.put("n", 3);
    String text = write(ctx);
    assertThat(text).doesNotStartWith(PlainContextSerializer.HEADER);
    assertThat(read(text)).isEqualTo(ctx);
  }

  @Test
  void readsContextsStoredByTheDefaultSerializer() throws Exception {
    Map<String, Object> ctx = Map.of("batch.version", "6.0.6", "summary.vms", 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DefaultExecutionContextSerializer().serialize(ctx, out);
    assertThat(read(out.toString(StandardCharsets.UTF_8))).isEqualTo(ctx);
  }

  @Test
  void anEmptyContextRoundTrips() throws Exception {
    assertThat(read(write(Map.of()))).isEmpty();
  }

  private String write(Map<String, Object> ctx) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.serialize(ctx, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private Map<String, Object> read(String text) throws Exception {
    return serializer.deserialize(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
