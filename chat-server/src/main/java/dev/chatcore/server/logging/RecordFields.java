package dev.chatcore.server.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.LogRecord;

/** What both formats take from a record besides its message. */
final class RecordFields {
  /** Fixed width, UTC, milliseconds: lines sort and align. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private RecordFields() {}

  static String timestamp(LogRecord record) {
    return TIMESTAMP.format(record.getInstant());
  }

  /**
   * The record's fields: its only parameter when that is a map, then {@code error} with the stack
   * trace of what it carries as thrown.
   */
  static Map<String, Object> of(LogRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Object[] parameters = record.getParameters();
    if (parameters != null && parameters.length == 1 && parameters[0] instanceof Map<?, ?> map) {
      map.forEach((key, value) -> fields.put(String.valueOf(key), value));
    }
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      fields.put("error", trace.toString().stripTrailing());
    }
    return fields;
  }
}
