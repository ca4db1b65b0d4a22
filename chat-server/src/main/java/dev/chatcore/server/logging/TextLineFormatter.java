package dev.chatcore.server.logging;

import java.util.Map;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code TIMESTAMP LEVEL LOGGER MESSAGE key=value ...} on one line. Line breaks and other control
 * characters in the message or a value (a stack trace has many) are escaped as {@code \n}, {@code
 * \t} or {@code \\uXXXX}, so one record is always one line and a value cannot forge another.
 */
final class TextLineFormatter extends Formatter {
  @Override
  public String format(LogRecord record) {
    StringBuilder line =
        new StringBuilder(128)
            .append(RecordFields.timestamp(record))
            .append(' ')
            .append(record.getLevel().getName())
            .append(' ')
            .append(Objects.requireNonNullElse(record.getLoggerName(), "-"))
            .append(' ');
    appendEscaped(line, Objects.requireNonNullElse(formatMessage(record), ""));
    for (Map.Entry<String, Object> field : RecordFields.of(record).entrySet()) {
      line.append(' ').append(field.getKey()).append('=');
      appendValue(line, field.getValue() == null ? "-" : field.getValue().toString());
    }
    return line.append('\n').toString();
  }

  /** Bare when it is one plain word, else in quotes, so {@code key=value} splits unambiguously. */
  private static void appendValue(StringBuilder line, String value) {
    boolean plain =
        !value.isEmpty()
            && value.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c < 0x7f);
    if (plain) {
      line.append(value);
      return;
    }
    line.append('"');
    appendEscaped(line, value.replace("\\", "\\\\").replace("\"", "\\\""));
    line.append('"');
  }

  private static void appendEscaped(StringBuilder line, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          // C0 and C1 controls and the Unicode line and paragraph separators: some tools break
          // lines there
          if (c < ' ' || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
  }
}
