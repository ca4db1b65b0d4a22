package dev.chatcore.application.embed;

import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.domain.sync.SyncBatch;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The publisher of {@link Chat#events}: the stream opens when a subscriber subscribes, once (a
 * second subscriber gets {@code onError} at once: the one stream has one cursor).
 */
final class StreamPublisher implements Flow.Publisher<SyncBatch> {
  private final OpenStream openStream;
  private final OpenStream.Command command;
  private final Runnable gate;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  /**
   * @param gate refuses a banned caller at subscription time (throws)
   */
  StreamPublisher(OpenStream openStream, OpenStream.Command command, Runnable gate) {
    this.openStream = openStream;
    this.command = command;
    this.gate = gate;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super SyncBatch> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber"); // rule 1.9
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      subscriber.onError(
          new IllegalStateException(
              "this publisher has a subscriber already; ask Chat.events again"));
      return;
    }
    PublisherSink sink = new PublisherSink(subscriber, command.since());
    subscriber.onSubscribe(sink);
    try {
      gate.run();
      sink.attach(openStream.open(command, sink));
    } catch (RuntimeException refused) {
      sink.end(StreamEnd.failed(refused)); // rule 1.4: failures are signalled, not thrown
    }
  }
}
