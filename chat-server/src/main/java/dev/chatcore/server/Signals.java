package dev.chatcore.server;

import java.util.logging.Logger;

/**
 * SIGTERM handling: a JVM ended by SIGTERM through shutdown hooks alone exits with status 143; the
 * server instead stops gracefully and exits 0, as process managers expect of a clean stop.
 */
final class Signals {
  private static final Logger LOG = Logger.getLogger(Signals.class.getName());

  private Signals() {}

  static void onTerminate(Runnable action) {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal("TERM"),
          signal -> Thread.ofPlatform().name("chat-sigterm").start(action));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warning("cannot handle SIGTERM (" + e.getMessage() + "); relying on the shutdown hook");
    }
  }
}
