package dev.chatcore.server.logging;

import java.util.logging.Formatter;

/** How each log record is written: one line either way ({@code CHAT_LOG_FORMAT}). */
public enum LogFormat {
  /** {@code 2026-12-05T07:42:04.123Z INFO logger message key=value ...}: for people. */
  TEXT,
  /** One JSON object per line (timestamp, level, logger, message, fields): for log shippers. */
  JSON;

  Formatter formatter() {
    return switch (this) {
      case TEXT -> new TextLineFormatter();
      case JSON -> new JsonLineFormatter();
    };
  }
}
