package dev.chatcore.server.metrics;

import dev.chatcore.application.retention.Janitor;

/** Hears of every scheduled janitor run. Called on the maintenance thread that ran it. */
public interface JanitorRuns {
  /** Hears nothing. */
  JanitorRuns NONE =
      new JanitorRuns() {
        @Override
        public void succeeded(Janitor.Run run) {}

        @Override
        public void failed() {}
      };

  /** A run finished; {@code run} says what each rule removed. */
  void succeeded(Janitor.Run run);

  /** A run failed (it is retried on the next tick). */
  void failed();
}
