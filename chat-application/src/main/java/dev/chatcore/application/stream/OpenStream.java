package dev.chatcore.application.stream;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.CoreExecutors;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.application.sync.VisibleRead;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Opens a live stream: from a cursor, every event the caller may see, pushed to a {@link
 * StreamSink} as it arrives, exactly as consecutive syncs following {@code next_batch} would
 * deliver them (see {@link LiveStream}), with a device's to-device messages, device lists and key
 * counts when the caller is on a device. The caller's ban is the gate's business, as for sync; a
 * ban while the stream is open ends it with the refusal.
 */
public final class OpenStream {
  /**
   * @param since the cursor: an event id (the last one the client got), a room's head, or a {@code
   *     next_batch}
   * @param filter only these rooms, when present
   * @param embedded true for an embedder's in-process subscription: the host owns it, so it has no
   *     lifetime, no keep-alives and no per-account cap (those protect a server from its network
   *     clients); false for a client connection (SSE, WebSocket)
   */
  public record Command(
      Caller caller, EventId since, Optional<Set<RoomId>> filter, boolean embedded) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(since, "since");
      filter = filter.map(Set::copyOf);
    }

    /** A client connection's stream. */
    public Command(Caller caller, EventId since, Optional<Set<RoomId>> filter) {
      this(caller, since, filter, false);
    }
  }

  /** What every stream of this core uses. */
  record Wiring(
      VisibleRead reads,
      SyncWaiter waiter,
      Executor executor,
      StreamRegistry registry,
      StreamLimits limits,
      ChatObserver observer) {}

  private final RegisterCaller register;
  private final Wiring wiring;

  /**
   * @param observer told how many events each batch delivered, as for sync answers
   * @param executors where streams read after a wake-up ({@link CoreExecutors#streamReads()})
   */
  @Inject
  public OpenStream(
      VisibleRead reads,
      RegisterCaller register,
      SyncWaiter waiter,
      StreamRegistry registry,
      Limits limits,
      ChatObserver observer,
      CoreExecutors executors) {
    this.register = register;
    this.wiring =
        new Wiring(reads, waiter, executors.streamReads(), registry, limits.streams(), observer);
  }

  /**
   * Opens the stream; its first batch (what is already there after {@code since}) is read at once
   * on the executor. A client connection's stream beyond the account's {@code perAccount} ends the
   * account's oldest. A device's to-device messages up to {@code since} are acknowledged here, as
   * by a sync from {@code since}. A ban refuses through {@code sink}, not by a throw: it ends the
   * stream with the {@link dev.chatcore.domain.error.BannedException} (whether a banned account may
   * open one at all is the gate's business, as for sync).
   *
   * @return the open stream: {@link LiveStream#close()} it when the client goes away
   */
  public LiveStream open(Command command, StreamSink sink) {
    Account account = register.register(command.caller());
    VisibleRead.Reader reader = VisibleRead.Reader.of(account, command.caller(), command.filter());
    wiring.reads().arrive(reader, command.since());
    LiveStream stream = new LiveStream(reader, command, sink, wiring, System.nanoTime());
    wiring.registry().add(stream);
    stream.start();
    return stream;
  }
}
