package dev.chatcore.application.stream;

import dev.chatcore.domain.sync.SyncBatch;

/**
 * Where a live stream's batches go: the transport (SSE, WebSocket) or an embedder's listener.
 *
 * <p>{@link #deliver} and {@link #end} are called by the stream one at a time, in stream order,
 * never concurrently, and {@link #end} last and once. {@link #heartbeat} comes from the stream's
 * timer and may overlap with {@link #deliver}. None may block for long: they run on the core's
 * threads.
 */
public interface StreamSink {
  /** How a sink tells its stream that output it queued has reached the client. Any thread. */
  @FunctionalInterface
  interface Written {
    /** {@code events} events in {@code bytes} bytes of what {@link #deliver} queued left. */
    void written(int events, long bytes);
  }

  /**
   * Takes the next batch: the events after the previous batch's {@code nextBatch}, at most {@code
   * sync_batch_max} of them, and for a caller on a device its share of the same window ({@link
   * SyncBatch#device()}: to-device messages, device lists, key counts), exactly as a sync answer.
   * Never empty, except a device stream's first batch, which tells the device its key counts. The
   * sink reports the bytes it queued for its client, and once they (and the batch's events) left,
   * calls {@code written} with them, so that the stream can end a client that stops reading instead
   * of buffering without bound.
   *
   * @return the encoded bytes queued for the client (0 when the sink does not encode)
   */
  long deliver(SyncBatch batch, Written written);

  /** Nothing was delivered for the heartbeat interval: tell the client the stream is alive. */
  void heartbeat();

  /** The stream ended; nothing follows. */
  void end(StreamEnd end);
}
