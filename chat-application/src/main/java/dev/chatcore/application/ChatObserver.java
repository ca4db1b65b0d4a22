package dev.chatcore.application;

import dev.chatcore.domain.moderation.Ban;

/**
 * What the core tells a host about events that only the core sees: events delivered by sync answers
 * and live streams, rate-limit refusals and bans. The standalone server turns them into metrics; an
 * embedder may count them its own way. Every method does nothing by default, so an observer
 * overrides what it cares about; {@link #NONE} observes nothing.
 *
 * <p>Methods are called on the thread that did the work (request threads, the core's sync threads),
 * possibly concurrently: they must be quick, thread-safe and must not throw.
 */
public interface ChatObserver {
  /** Observes nothing: the default of {@link ChatCore#create} and of the embedding builder. */
  ChatObserver NONE = new ChatObserver() {};

  /**
   * A sync (HTTP {@code /v1/sync} or an embedder's wait) answered with events, called just after
   * the answer's future completed; or a live stream (SSE, WebSocket, an embedder's subscription)
   * handed a batch with events to its transport. Not called for empty answers (timeouts, evictions,
   * shutdown), nor for answers nobody received any more (the client went away first).
   *
   * @param events how many events the answer or batch carried, at least 1
   */
  default void delivered(int events) {}

  /** The rate limiter refused a request (its bucket was empty, or the key was cooling down). */
  default void rateLimited() {}

  /**
   * A service-wide ban was stored: by an admin, or automatically for spam ({@link
   * Ban#automatic()}).
   *
   * @param ban the ban as stored
   */
  default void banned(Ban ban) {}
}
