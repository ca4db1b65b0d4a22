package dev.chatcore.server.logging;

import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Writes each record, formatted as one line, to a stream in UTF-8 and flushes it at once: records
 * from many threads never interleave, and none waits in a buffer when the process dies.
 */
final class LineHandler extends StreamHandler {
  LineHandler(OutputStream out, Formatter formatter) {
    setFormatter(formatter);
    try {
      setEncoding(StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("every JVM has UTF-8", e);
    }
    setOutputStream(out);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    super.publish(record);
    flush();
  }

  /** Flushes but leaves the stream open: it is standard error, which others still write to. */
  @Override
  public synchronized void close() {
    flush();
  }
}
