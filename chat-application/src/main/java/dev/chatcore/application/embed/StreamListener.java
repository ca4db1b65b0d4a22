package dev.chatcore.application.embed;

import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.domain.sync.SyncBatch;

/**
 * Receives a subscription's events ({@link Chat#subscribe}). Called on a core thread, one call at a
 * time, in stream order; the next batch is read only after {@link #onEvents} returns, so a slow
 * listener holds back only its own subscription (the events wait in the log, not in memory). Do not
 * block for long: a virtual thread waits meanwhile.
 */
public interface StreamListener {
  /**
   * The next events the caller may see. Resubscribing from {@code batch.nextBatch()} continues
   * exactly after them.
   *
   * @param batch the events, in stream order, and the cursor after them; never empty, except the
   *     first batch of a caller on a device, which tells it its key counts ({@link
   *     SyncBatch#device()})
   */
  void onEvents(SyncBatch batch);

  /**
   * The subscription ended: {@code CLOSED} (the host closed it), {@code SHUTDOWN} (the chat is
   * closing) or {@code FAILED} (the caller was banned, or the storage failed). Nothing follows.
   *
   * @param end why, with the refusal or failure for {@code FAILED}
   */
  default void onEnd(StreamEnd end) {}
}
