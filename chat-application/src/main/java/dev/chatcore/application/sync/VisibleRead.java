package dev.chatcore.application.sync;

import dev.chatcore.application.Caller;
import dev.chatcore.application.e2ee.DeviceSync;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.SyncScope;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.sync.SyncBatch;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One read of the stream as a reader may see it, and the answer made of it: the one step that
 * long-poll {@link Sync} and the live streams share, so both deliver exactly the same windows for
 * the same cursor (events, and a device's to-device messages, device-list changes and key counts).
 *
 * <p>{@link #after} reads in the order the visibility argument needs (docs/architecture.md, "Sync
 * visibility"): the log head first, then the scope ({@link RoomAccess#scopeFor}: an admin's filter
 * watches rooms whole), then the events up to that head, then the device's share of the same window
 * ({@link DeviceSync#read}). Every membership record, tombstone, to-device message and device-list
 * change at or below the head was stored before the head could pass it, so the read holds them all,
 * and each event is judged by its own position. {@link #answer} then reads the ban from the store:
 * only an answer needs it, since nothing else is delivered, and a ban stored after it was stored
 * after every position answered was readable. Thread-safe; blocks on the store.
 */
public final class VisibleRead {
  /**
   * Who reads, fixed for one sync request or one stream.
   *
   * @param device the caller's device: its share of every window comes with the events
   * @param filter only these rooms, when present (an admin's: those rooms whole)
   */
  public record Reader(
      Account account,
      boolean admin,
      Optional<DeviceAddress> device,
      Optional<Set<RoomId>> filter) {
    public Reader {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(device, "device");
      filter = filter.map(Set::copyOf);
    }

    /** The reader for {@code caller}, registered as {@code account}. */
    public static Reader of(Account account, Caller caller, Optional<Set<RoomId>> filter) {
      return new Reader(
          account,
          caller.admin(),
          caller.device().map(d -> new DeviceAddress(account.id(), d)),
          filter);
    }
  }

  /**
   * The outcome of one read.
   *
   * @param events what the reader may see in the window, in stream order
   * @param upTo the window's end: every position up to here was judged, so it is the next cursor
   * @param limited true when more waits after {@code upTo}
   * @param rooms the rooms the scope reads: what a reader waiting for more must watch (the scope's
   *     own immutable set, not copied: every read of every stream makes one)
   * @param device the device's share of the window, for a reader on a device
   */
  public record Read(
      List<Event> events,
      EventId upTo,
      boolean limited,
      Set<RoomId> rooms,
      Optional<DeviceSync.Window> device) {
    public Read {
      events = List.copyOf(events);
      Objects.requireNonNull(upTo, "upTo");
      Objects.requireNonNull(rooms, "rooms");
      Objects.requireNonNull(device, "device");
    }

    /** True when nothing is due: no events, nothing more waiting, no device news. */
    public boolean caughtUp() {
      return events.isEmpty() && !limited && device.map(w -> !w.hasDeviceNews()).orElse(true);
    }
  }

  private final EventLog events;
  private final RoomAccess access;
  private final BanGate bans;
  private final Limits limits;
  private final DeviceSync devices;

  @Inject
  public VisibleRead(
      EventLog events, RoomAccess access, BanGate bans, Limits limits, DeviceSync devices) {
    this.events = events;
    this.access = access;
    this.bans = bans;
    this.limits = limits;
    this.devices = devices;
  }

  /**
   * The reader starts from {@code since}: for a device, this acknowledges (removes) its to-device
   * messages up to there, since a client that asks from {@code since} has everything before it.
   * Once per request or stream, before its first read.
   */
  public void arrive(Reader reader, EventId since) {
    reader.device().ifPresent(d -> devices.arrive(d, since));
  }

  /** Reads the window after {@code since} (see the class comment for the order). */
  public Read after(Reader reader, EventId since) {
    EventId head = events.head();
    SyncScope scope = access.scopeFor(reader.account(), reader.admin(), since, reader.filter());
    StreamSlice slice = events.readAfter(since, head, scope.rooms(), limits.syncBatchMax());
    List<Event> visible = new ArrayList<>(slice.events().size());
    for (Event e : slice.events()) {
      if (scope.includes(e)) visible.add(e);
    }
    if (reader.device().isEmpty()) {
      return new Read(visible, slice.upTo(), slice.limited(), scope.rooms(), Optional.empty());
    }
    DeviceSync.Window window =
        devices.read(reader.device().get(), since, visible, slice.upTo(), slice.limited());
    return new Read(
        window.events(), window.upTo(), window.limited(), scope.rooms(), Optional.of(window));
  }

  /**
   * The answer to deliver for {@code read}, after reading the ban from the store; a device's answer
   * carries its share of the window and its key counts now.
   *
   * @throws dev.chatcore.domain.error.BannedException when the account is banned now
   */
  public SyncBatch answer(Reader reader, Read read) {
    bans.requireNotBannedNow(reader.account().id());
    return new SyncBatch(
        read.events(),
        read.upTo(),
        read.limited(),
        read.device().map(w -> devices.updates(reader.device().orElseThrow(), w)));
  }

  /** An answer with nothing new from {@code since}; a device's still tells its key counts. */
  public SyncBatch idle(Reader reader, EventId since) {
    return new SyncBatch(List.of(), since, false, reader.device().map(devices::idle));
  }

  /**
   * A waiting reader's account lost a right ({@link SyncWaiter.Signal#REVOKED}): asks the gate,
   * which a ban on this node updates before it signals.
   *
   * @throws dev.chatcore.domain.error.BannedException when the account is banned
   */
  public void requireNotRevoked(Reader reader) {
    bans.requireNotBanned(reader.account().id());
  }
}
