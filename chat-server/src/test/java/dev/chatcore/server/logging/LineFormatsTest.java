package dev.chatcore.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the installed handler writes: one line per record in both formats, whatever the record
 * holds.
 */
class LineFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-12-05T07:42:04.120Z");

  @ParameterizedTest
  @EnumSource(LogFormat.class)
  void everyRecordIsOneLine(LogFormat format) {
    List<LogRecord> records = awkwardRecords();
    List<String> lines = write(format, records);
    assertEquals(records.size(), lines.size(), String.join("\n", lines));
  }

  @Test
  void jsonLinesParseWithTheSameFiveKeys() throws Exception {
    List<String> lines = write(LogFormat.JSON, awkwardRecords());
    for (String line : lines) {
      JsonNode json = JSON.readTree(line);
      List<String> keys = new ArrayList<>();
      json.fieldNames().forEachRemaining(keys::add);
      assertEquals(List.of("timestamp", "level", "logger", "message", "fields"), keys, line);
      assertEquals("2026-12-05T07:42:04.120Z", json.get("timestamp").asText());
      assertEquals("test.logger", json.get("logger").asText());
    }
    JsonNode multiLine = JSON.readTree(lines.get(1));
    assertEquals("first line\nsecond line", multiLine.get("message").asText());
    JsonNode formatted = JSON.readTree(lines.get(2));
    assertEquals("janitor removed 3", formatted.get("message").asText());
    JsonNode access = JSON.readTree(lines.get(3));
    assertEquals("request", access.get("message").asText());
    assertEquals("/v1/rooms/{id}", access.get("fields").get("route").asText());
    assertEquals(200, access.get("fields").get("status").asInt());
    assertTrue(access.get("fields").get("account").isNull());
    JsonNode failure = JSON.readTree(lines.get(4));
    assertEquals("SEVERE", failure.get("level").asText());
    assertTrue(
        failure
            .get("fields")
            .get("error")
            .asText()
            .startsWith("java.lang.IllegalStateException: boom\n\tat "),
        failure.toString());
  }

  @Test
  void textLinesAreTimestampLevelLoggerMessageAndFields() {
    List<String> lines = write(LogFormat.TEXT, awkwardRecords());
    assertEquals("2026-12-05T07:42:04.120Z INFO test.logger started", lines.get(0));
    assertEquals(
        "2026-12-05T07:42:04.120Z WARNING test.logger first line\\nsecond line", lines.get(1));
    assertEquals(
        "2026-12-05T07:42:04.120Z INFO test.logger request method=GET route=/v1/rooms/{id} status=200"
            + " account=- note=\"two words, a \\\"quote\\\" and a\\nbreak\"",
        lines.get(3));
    assertTrue(
        lines
            .get(4)
            .startsWith(
                "2026-12-05T07:42:04.120Z SEVERE test.logger request failed"
                    + " error=\"java.lang.IllegalStateException: boom\\n\\tat "),
        lines.get(4));
  }

  private static List<LogRecord> awkwardRecords() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("method", "GET");
    fields.put("route", "/v1/rooms/{id}");
    fields.put("status", 200);
    fields.put("account", null);
    fields.put("note", "two words, a \"quote\" and a\nbreak");
    LogRecord access = record(Level.INFO, "request");
    access.setParameters(new Object[] {fields});
    LogRecord formatted = record(Level.INFO, "janitor removed {0}");
    formatted.setParameters(new Object[] {3});
    LogRecord failure = record(Level.SEVERE, "request failed");
    failure.setThrown(new IllegalStateException("boom"));
    return List.of(
        record(Level.INFO, "started"),
        record(Level.WARNING, "first line\nsecond line"),
        formatted,
        access,
        failure);
  }

  private static LogRecord record(Level level, String message) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName("test.logger");
    record.setInstant(AT);
    return record;
  }

  /**
   * Logs through a logger with only the handler that {@link LogSetup} installs, and splits what it
   * wrote.
   */
  private static List<String> write(LogFormat format, List<LogRecord> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Logger logger = Logger.getAnonymousLogger();
    logger.setUseParentHandlers(false);
    LineHandler handler = new LineHandler(out, format.formatter());
    logger.addHandler(handler);
    records.forEach(logger::log);
    handler.close();
    String written = out.toString(StandardCharsets.UTF_8);
    assertTrue(written.endsWith("\n"), written);
    return List.of(written.substring(0, written.length() - 1).split("\n", -1));
  }
}
