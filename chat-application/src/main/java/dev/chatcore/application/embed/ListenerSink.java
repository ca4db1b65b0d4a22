package dev.chatcore.application.embed;

import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.application.stream.StreamSink;
import dev.chatcore.domain.sync.SyncBatch;

/** Hands each batch to a {@link StreamListener} and waits for it: nothing is ever queued. */
final class ListenerSink implements StreamSink {
  private final StreamListener listener;

  ListenerSink(StreamListener listener) {
    this.listener = listener;
  }

  @Override
  public long deliver(SyncBatch batch, Written written) {
    try {
      listener.onEvents(batch);
    } finally {
      written.written(batch.events().size(), 0);
    }
    return 0;
  }

  @Override
  public void heartbeat() {
    // in-process: nothing in between to keep alive
  }

  @Override
  public void end(StreamEnd end) {
    listener.onEnd(end);
  }
}
