package dev.chatcore.server.logging;

import java.io.OutputStream;
import java.util.logging.Handler;
import java.util.logging.Logger;

/** Makes every {@code java.util.logging} record of the process one line in the chosen format. */
public final class LogSetup {
  private LogSetup() {}

  /**
   * Replaces the root logger's handlers (the JDK's two-line console format) with one that writes
   * {@code format} to {@code out}. Levels stay as configured ({@code INFO} unless {@code
   * -Djava.util.logging.config.file} says otherwise).
   */
  public static void install(LogFormat format, OutputStream out) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) root.removeHandler(handler);
    root.addHandler(new LineHandler(out, format.formatter()));
  }
}
