package io.vmflow.store;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping used to store facts and stage results: records in, records out, tolerant of
 * fields a newer vmflow added.
 */
public final class JsonCodec {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private JsonCodec() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  /**
   * Builds the mapping of {@code type} both ways ahead of its first use (the mapper keeps it), as
   * {@code analyze}'s warm-up does; reads and writes nothing.
   */
  public static void prepare(Class<?> type) {
    MAPPER.writerFor(type);
    MAPPER.readerFor(type);
  }

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
