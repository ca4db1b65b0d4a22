package dev.chatcore.application.embed;

import dev.chatcore.application.stream.LiveStream;

/** An open subscription of {@link Chat#subscribe}; {@link #close()} ends it. */
public final class EventSubscription implements AutoCloseable {
  private final LiveStream stream;

  EventSubscription(LiveStream stream) {
    this.stream = stream;
  }

  /**
   * Whether it is still open.
   *
   * @return true until it ended (closed, the chat closed, or the caller was banned)
   */
  public boolean isOpen() {
    return !stream.isEnding();
  }

  /**
   * Ends the subscription; the listener's {@code onEnd} follows any batch in progress. Idempotent.
   */
  @Override
  public void close() {
    stream.close();
  }
}
