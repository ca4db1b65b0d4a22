package dev.chatcore.application;

import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A whole core over a fresh storage for each test, with a mutable clock and helpers. Storage
 * adapters run the suites that extend it against their own storage.
 */
public abstract class CoreFixture {
  protected final MutableClock clock = new MutableClock();
  protected final Caller admin = new Caller(TestIds.account(), "admin", true);
  protected ChatStorage storage;
  protected ChatCore core;

  /** A fresh, empty storage whose expiring events lapse by {@code clock}. */
  protected abstract ChatStorage newStorage(Clock clock);

  /** The limits the core runs with; suites override to test small capacities. */
  protected Limits limits() {
    return Limits.defaults();
  }

  /** The host's moderation the core runs with (none); suites override to plug a filter in. */
  protected ContentModeration moderation() {
    return ContentModeration.none();
  }

  @BeforeEach
  void startCore() {
    storage = newStorage(clock);
    core =
        ChatCore.create(
            storage, limits(), SpamPolicy.defaults(), Retention.defaults(), moderation(), clock);
    core.registerCaller().register(admin);
  }

  @AfterEach
  void stopCore() {
    core.close();
    storage.close();
  }

  /** A registered player. */
  protected Caller player(String name) {
    Caller caller = Caller.player(TestIds.account(), name);
    core.registerCaller().register(caller);
    return caller;
  }

  protected RoomId channel(String name) {
    return core.createRoom()
        .create(new CreateRoom.Command(admin, name, Optional.empty()))
        .room()
        .id();
  }

  /** A room of another type, made directly in storage (Chat V2 makes these), with members. */
  protected RoomId room(RoomType type, Caller... members) {
    RoomId id = new IdGenerator(clock).nextRoomId();
    storage
        .rooms()
        .create(
            new Room(
                id,
                type,
                Optional.empty(),
                Optional.empty(),
                clock.instant(),
                type == RoomType.GLOBAL ? 1 : 0,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    for (Caller m : members) {
      storage
          .memberships()
          .put(
              new RoomMember(
                  id, m.id(), MemberState.JOINED, clock.instant(), storage.events().head()));
    }
    return id;
  }

  protected EventId say(Caller who, RoomId room, String text) {
    return core.sendMessage()
        .send(new SendMessage.Command(who, room, text, Optional.empty(), Optional.empty()))
        .id();
  }

  /** A sync that answers at once because events are waiting (bounded wait otherwise). */
  protected SyncBatch sync(Caller who, EventId since) throws Exception {
    return core.sync()
        .sync(new Sync.Command(who, since, Duration.ofSeconds(1), Optional.empty()))
        .get(10, TimeUnit.SECONDS);
  }

  /** Every event of the room in stream order, as the log holds them. */
  protected List<Event> stream(RoomId room) {
    return storage.events().readAfter(EventId.ORIGIN, Set.of(room), 100_000).events();
  }
}
