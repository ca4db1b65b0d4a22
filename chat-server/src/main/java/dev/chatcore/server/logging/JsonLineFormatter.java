package dev.chatcore.server.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, always with the same five keys: {@code
 * {"timestamp":"…Z","level":"INFO","logger":"…","message":"…","fields":{…}}}. Jackson escapes line
 * breaks inside strings, so a stack trace (field {@code error}) stays on the line.
 */
final class JsonLineFormatter extends Formatter {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String format(LogRecord record) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", RecordFields.timestamp(record));
      json.writeStringField("level", record.getLevel().getName());
      json.writeStringField("logger", Objects.requireNonNullElse(record.getLoggerName(), ""));
      json.writeStringField("message", Objects.requireNonNullElse(formatMessage(record), ""));
      json.writeObjectFieldStart("fields");
      for (Map.Entry<String, Object> field : RecordFields.of(record).entrySet()) {
        json.writeFieldName(field.getKey());
        writeValue(json, field.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not throw
    }
    return line.append('\n').toString();
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Integer i -> json.writeNumber(i);
      case Long l -> json.writeNumber(l);
      case Double d -> json.writeNumber(d);
      case Boolean b -> json.writeBoolean(b);
      default -> json.writeString(value.toString());
    }
  }
}
