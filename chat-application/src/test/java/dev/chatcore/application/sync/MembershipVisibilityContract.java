package dev.chatcore.application.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.GatedStorage;
import dev.chatcore.application.admin.CreatePrivateRoom;
import dev.chatcore.application.admin.UpdatePrivateRoom;
import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.chat.RoomUpdates;
import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.globalroom.JoinGlobalRoom;
import dev.chatcore.application.member.BanMember;
import dev.chatcore.application.member.JoinRoom;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.member.UnbanMember;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.BanAccount;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.stream.LiveStream;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.stream.RecordingSink;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sync delivers an event to an account exactly when the account's membership at the event's
 * position says so, whatever membership change runs beside the sync (issue 13). Every membership
 * path runs three times: with the change made before the sync starts (the control twin), and with
 * the change landing while the sync is paused inside one of its two windows, between its head and
 * its scope read and between its scope read and its event read ({@link GatedStorage}). The reader
 * then follows {@code next_batch} until a marker posted last arrives, and must have received
 * exactly the expected events of the rooms under test, in order, each once. Every case runs for a
 * live stream too ({@link Via#STREAM}), paused in the same windows of its first read: streams share
 * sync's read step ({@link VisibleRead}), so they must deliver the same.
 */
public abstract class MembershipVisibilityContract {
  /** Where the change lands. */
  public enum Window {
    /** Before the sync starts: the control twin. */
    NONE(null),
    /** While the sync reads its scope (after its head). */
    AT_SCOPE("MembershipRepository.ofAccount"),
    /** Between the scope read and the event read. */
    AT_EVENTS("EventLog.readAfter"),
    /**
     * The writer, not the reader, is paused: at its first write of a membership record or
     * tombstone, and a whole sync runs meanwhile.
     */
    IN_WRITE(
        "MembershipRepository.record|MembershipRepository.put|MembershipRepository.joinIfBelow"
            + "|RoomRepository.markDeleted");

    final String call;

    Window(String call) {
      this.call = call;
    }
  }

  /** Who reads: long-poll sync following {@code next_batch}, or one live stream. */
  public enum Via {
    SYNC,
    STREAM
  }

  /** The stores of the reader's node and of the writer's node: one and the same on one node. */
  public record Stores(ChatStorage reader, ChatStorage writer) {}

  private static final Limits LIMITS =
      Limits.defaults().withSyncTimeoutMin(Duration.ofMillis(20)).withRoomCapacities(2, 3, 20);
  private static final Duration WAIT = Duration.ofSeconds(30);

  protected final MutableClock clock = new MutableClock();
  private final GatedStorage gates = new GatedStorage();
  private final Caller admin = new Caller(TestIds.account(), "admin", true);
  private final Caller reader = Caller.player(TestIds.account(), "reader");
  private final Caller other = Caller.player(TestIds.account(), "other");
  private final Caller third = Caller.player(TestIds.account(), "third");
  private final Map<AccountId, String> names =
      Map.of(reader.id(), "reader", other.id(), "other", third.id(), "third");
  private Stores stores;
  private ChatCore readerCore;
  private ChatCore writer;
  private RoomId home;

  static Stream<Arguments> everyWindowAndReader() {
    return windowsAndReaders(Window.values());
  }

  static Stream<Arguments> readerWindowsAndReaders() {
    return windowsAndReaders(Window.NONE, Window.AT_SCOPE, Window.AT_EVENTS);
  }

  private static Stream<Arguments> windowsAndReaders(Window... windows) {
    return Arrays.stream(windows)
        .flatMap(w -> Arrays.stream(Via.values()).map(v -> Arguments.of(w, v)));
  }

  /** Fresh, empty stores for every test; closed after it. */
  protected abstract Stores newStores();

  @BeforeEach
  void start() {
    stores = newStores();
    readerCore = ChatCore.create(gates.wrap(stores.reader()), LIMITS, clock);
    writer =
        stores.writer() == stores.reader()
            ? readerCore
            : ChatCore.create(gates.wrap(stores.writer()), LIMITS, clock);
    home = channel("home");
    readerCore.registerCaller().register(reader);
  }

  @AfterEach
  void stop() {
    if (writer != readerCore) writer.close();
    readerCore.close();
    stores.reader().close();
    if (stores.writer() != stores.reader()) stores.writer().close();
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void channelJoin(Window window, Via via) throws Exception {
    RoomId x = channel("x");
    writer.leaveRoom().leave(new LeaveRoom.Command(reader, x));
    assertDelivered(
        window,
        via,
        () -> {
          join(reader, x);
          say(admin, x, "hello");
        },
        "join:reader",
        "msg:hello");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void channelLeave(Window window, Via via) throws Exception {
    RoomId x = channel("x");
    assertDelivered(
        window,
        via,
        () -> {
          say(admin, x, "before");
          writer.leaveRoom().leave(new LeaveRoom.Command(reader, x));
          say(admin, x, "after");
        },
        "msg:before",
        "leave:reader");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void channelRejoin(Window window, Via via) throws Exception {
    RoomId x = channel("x");
    writer.leaveRoom().leave(new LeaveRoom.Command(reader, x));
    assertDelivered(
        window,
        via,
        () -> {
          join(reader, x);
          say(admin, x, "one");
          writer.leaveRoom().leave(new LeaveRoom.Command(reader, x));
          say(admin, x, "gap");
          join(reader, x);
          say(admin, x, "two");
        },
        "join:reader",
        "msg:one",
        "leave:reader",
        "join:reader",
        "msg:two");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void privateRoomAdd(Window window, Via via) throws Exception {
    RoomId guild = privateRoom(other);
    say(other, guild, "before she came");
    assertDelivered(
        window,
        via,
        () -> {
          setMembers(guild, other, reader);
          say(other, guild, "hi");
        },
        "join:reader",
        "msg:hi");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void privateRoomRemove(Window window, Via via) throws Exception {
    RoomId guild = privateRoom(other, reader);
    assertDelivered(
        window,
        via,
        () -> {
          say(other, guild, "before");
          setMembers(guild, other);
          say(other, guild, "after");
        },
        "msg:before",
        "leave:reader");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void dmOpen(Window window, Via via) throws Exception {
    assertDelivered(window, via, () -> dm(other, "psst", reader), "join:reader", "msg:psst");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void dmLeaveAndANewRoomForTheSameSet(Window window, Via via) throws Exception {
    RoomId first = dm(other, "first", reader);
    assertDelivered(
        window,
        via,
        () -> {
          dm(other, "before", reader);
          writer.leaveDirectMessage().leave(new LeaveDirectMessage.Command(reader, first));
          RoomId second = dm(other, "again", reader);
          assertTrue(!second.equals(first), "after a leave the same set makes a new room");
        },
        "msg:before",
        "leave:reader",
        "join:reader",
        "msg:again");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void globalPlacement(Window window, Via via) throws Exception {
    RoomId global = place(other);
    assertDelivered(
        window,
        via,
        () -> {
          assertEquals(global, place(reader), "the fullest room with space");
          say(other, global, "gg");
        },
        "join:reader",
        "msg:gg");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void globalManualMove(Window window, Via via) throws Exception {
    RoomId first = place(other);
    place(reader);
    RoomId second = place(third); // the first room is full
    assertDelivered(
        window,
        via,
        () -> {
          say(other, first, "first before");
          writer.joinGlobalRoom().join(new JoinGlobalRoom.Command(reader, second));
          say(other, first, "first after");
          say(third, second, "second after");
        },
        "msg:first before",
        "leave:reader",
        "join:reader",
        "msg:second after");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void idleSweep(Window window, Via via) throws Exception {
    RoomId global = writer.placeInGlobalRoom().placeActive(reader.id(), clock.instant()).id();
    writer.placeInGlobalRoom().placeActive(other.id(), clock.instant());
    assertDelivered(
        window,
        via,
        () -> {
          say(other, global, "before");
          clock.advance(Duration.ofMinutes(11));
          writer.placeInGlobalRoom().placeActive(other.id(), clock.instant());
          assertEquals(1, writer.sweepIdlePlayers().sweep(Duration.ofMinutes(10)));
          say(other, global, "after");
        },
        "msg:before",
        "leave:reader");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void kick(Window window, Via via) throws Exception {
    RoomId x = channel("x");
    assertDelivered(
        window,
        via,
        () -> {
          say(admin, x, "before");
          writer.kickMember().kick(new KickMember.Command(admin, x, reader.id()));
          say(admin, x, "after");
        },
        "msg:before",
        "kick:reader");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void roomBan(Window window, Via via) throws Exception {
    RoomId x = channel("x");
    assertDelivered(
        window,
        via,
        () -> {
          say(admin, x, "before");
          writer.banMember().ban(new BanMember.Command(admin, x, reader.id()));
          say(admin, x, "after");
        },
        "msg:before",
        "ban:reader");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void unbanThenRejoin(Window window, Via via) throws Exception {
    RoomId x = channel("x");
    writer.banMember().ban(new BanMember.Command(admin, x, reader.id()));
    assertDelivered(
        window,
        via,
        () -> {
          writer.unbanMember().unban(new UnbanMember.Command(admin, x, reader.id()));
          say(admin, x, "while out");
          join(reader, x);
          say(admin, x, "back");
        },
        "join:reader",
        "msg:back");
  }

  @ParameterizedTest
  @MethodSource("everyWindowAndReader")
  void roomDeletionEndsTheRoomEvenForAMessageAcceptedDuringIt(Window window, Via via)
      throws Exception {
    RoomId x = channel("x");
    assertDelivered(
        window,
        via,
        () -> {
          say(admin, x, "before");
          writer.deleteRoom().delete(admin, x);
          // a message that passed its room check before the deletion and is appended after it
          writer
              .storage()
              .events()
              .append(
                  new NewEvent(
                      x,
                      admin.id(),
                      clock.instant(),
                      new EventContent.Message("late", Optional.empty())));
        },
        "msg:before",
        "deleted");
  }

  @ParameterizedTest
  @MethodSource("readerWindowsAndReaders")
  void accountBanDeliversNothingPostedAfterIt(Window window, Via via) throws Exception {
    RoomId x = channel("x");
    EventId start = readerCore.storage().events().head();
    Runnable change =
        () -> {
          writer
              .banAccount()
              .ban(new BanAccount.Command(admin, reader.id(), Optional.empty(), "spam"));
          say(admin, x, "after the ban");
        };
    if (via == Via.STREAM) {
      RecordingSink sink = RecordingSink.draining();
      openStream(window, start, sink, change);
      // the post after the ban is read (the first read or a wake-up), so the ban is read: the end
      StreamEnd end = sink.awaitEnd(WAIT);
      assertEquals(StreamEnd.Reason.FAILED, end.reason());
      assertInstanceOf(BannedException.class, end.failure().orElseThrow());
      assertEquals(List.of(), labels(sink.events(), Set.of(x)), "nothing posted after the ban");
      return;
    }
    CompletableFuture<SyncBatch> first = firstSync(window, start, change);
    try {
      SyncBatch batch = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(List.of(), labels(batch.events(), Set.of(x)), "nothing posted after the ban");
    } catch (ExecutionException refused) {
      assertInstanceOf(BannedException.class, refused.getCause());
    }
  }

  /**
   * {@code /chat} unread: a room the player is added to while its request runs, with a message
   * posted in it then, is not passed by the client's {@code lastRead} (the newest message it got).
   */
  @ParameterizedTest
  @EnumSource(
      value = Window.class,
      names = {"NONE", "AT_EVENTS"})
  void roomUpdatesNeverPassAMessageOfARoomAddedWhileTheyRan(Window window) throws Exception {
    RoomId global = place(other);
    place(reader);
    RoomId guild = privateRoom(other);
    LastRead from = LastRead.of(Optional.of(clock.instant().toEpochMilli() - 1), clock.instant());
    Runnable change =
        () -> {
          setMembers(guild, other, reader);
          clock.advance(Duration.ofMillis(5));
          say(other, guild, "in the guild");
          clock.advance(Duration.ofMillis(5));
          say(other, global, "newer, in the global room");
        };
    ReadRoomUpdates.Query query = new ReadRoomUpdates.Query(reader, from);
    RoomUpdates first;
    if (window == Window.NONE) {
      change.run();
      first = readerCore.readRoomUpdates().read(query);
    } else {
      GatedStorage.Gate gate = gates.arm("EventLog.readMessagesSince");
      CompletableFuture<RoomUpdates> reading =
          CompletableFuture.supplyAsync(
              () -> GatedStorage.pausable(() -> readerCore.readRoomUpdates().read(query)));
      gate.awaitReached();
      try {
        change.run();
      } finally {
        gate.release();
      }
      first = reading.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    List<Event> got = new ArrayList<>();
    first.rooms().forEach(u -> got.addAll(u.unread()));
    long newest =
        got.stream()
            .mapToLong(e -> e.originTs().toEpochMilli())
            .max()
            .orElse(from.from().toEpochMilli() - 1);
    readerCore
        .readRoomUpdates()
        .read(new ReadRoomUpdates.Query(reader, LastRead.of(Optional.of(newest), clock.instant())))
        .rooms()
        .forEach(u -> got.addAll(u.unread()));
    assertTrue(
        got.stream()
            .anyMatch(
                e ->
                    e.content() instanceof EventContent.Message m
                        && m.text().equals("in the guild")),
        "window " + window + ": " + got);
  }

  // ---------------------------------------------------------------------------------------------

  private interface Change {
    void run() throws Exception;
  }

  /**
   * Runs {@code change} in the window, then a message in the reader's busy home channel (so the
   * paused sync has something to answer with), follows the reader's sync to a marker posted last
   * and checks what arrived of every room but the home channel.
   */
  private void assertDelivered(Window window, Via via, Change change, String... expected)
      throws Exception {
    EventId start = readerCore.storage().events().head();
    Runnable changeThenBusy =
        () -> {
          try {
            change.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          say(
              admin, home,
              "busy"); // a busy room answers the paused sync, which moves its cursor on
        };
    List<Event> delivered =
        via == Via.SYNC
            ? syncToMarker(window, start, changeThenBusy)
            : streamToMarker(window, start, changeThenBusy);
    Set<EventId> distinct = new HashSet<>();
    for (Event e : delivered) assertTrue(distinct.add(e.id()), "delivered twice: " + e);
    Set<RoomId> tested = new HashSet<>();
    for (Event e : delivered) if (!e.room().equals(home)) tested.add(e.room());
    assertEquals(List.of(expected), labels(delivered, tested), "window " + window + ", " + via);
  }

  /**
   * What the reader's syncs deliver, from the first (with the change in its window) to a marker.
   */
  private List<Event> syncToMarker(Window window, EventId start, Runnable change) throws Exception {
    SyncBatch first = firstSync(window, start, change).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    List<Event> delivered = new ArrayList<>(first.events());
    EventId marker = say(admin, home, "marker");
    EventId cursor = first.nextBatch();
    while (delivered.stream().noneMatch(e -> e.id().equals(marker))) {
      SyncBatch next =
          readerCore
              .sync()
              .sync(new Sync.Command(reader, cursor, Duration.ofSeconds(5), Optional.empty()))
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      delivered.addAll(next.events());
      cursor = next.nextBatch();
    }
    return delivered;
  }

  /**
   * What one stream of the reader delivers, its first read paused in the window, up to a marker.
   */
  private List<Event> streamToMarker(Window window, EventId start, Runnable change)
      throws Exception {
    RecordingSink sink = RecordingSink.draining();
    LiveStream stream = openStream(window, start, sink, change);
    EventId marker = say(admin, home, "marker");
    try {
      assertTrue(
          RecordingSink.await(() -> sink.ids().contains(marker) || sink.ended(), WAIT),
          "the marker came");
      assertFalse(sink.ended(), "the stream is still open");
      assertFalse(sink.overlapped());
      return sink.events();
    } finally {
      stream.close();
    }
  }

  /**
   * Opens the reader's stream from {@code start} with {@code change} landing in the window of its
   * first read (which runs on a thread the opening starts), or made before it opens (the control),
   * or while the writer is paused at its first membership write and the stream takes its first
   * batch.
   */
  private LiveStream openStream(Window window, EventId start, RecordingSink sink, Runnable change)
      throws Exception {
    OpenStream.Command command = new OpenStream.Command(reader, start, Optional.empty());
    if (window == Window.NONE) {
      change.run();
      return readerCore.openStream().open(command, sink);
    }
    if (window == Window.IN_WRITE) {
      say(admin, home, "busy before"); // so that the stream has a batch while the writer is paused
      GatedStorage.Gate gate = gates.arm(Window.IN_WRITE.call);
      CompletableFuture<Void> writing =
          CompletableFuture.runAsync(
              () ->
                  GatedStorage.pausable(
                      () -> {
                        change.run();
                        return null;
                      }));
      gate.awaitReached();
      LiveStream stream;
      try {
        stream = readerCore.openStream().open(command, sink);
        assertTrue(sink.awaitEvents(1, WAIT), "a first batch while the writer is paused");
      } finally {
        gate.release();
      }
      writing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      return stream;
    }
    GatedStorage.Gate gate = gates.arm(window.call);
    LiveStream stream =
        GatedStorage.pausableWithThreadsItStarts(() -> readerCore.openStream().open(command, sink));
    gate.awaitReached();
    try {
      change.run();
    } finally {
      gate.release();
    }
    return stream;
  }

  /** The reader's first sync from {@code start}, with {@code change} landing in the window. */
  private CompletableFuture<SyncBatch> firstSync(Window window, EventId start, Runnable change)
      throws Exception {
    Sync.Command command = new Sync.Command(reader, start, Duration.ofMillis(50), Optional.empty());
    if (window == Window.NONE) {
      change.run();
      return readerCore.sync().sync(command);
    }
    if (window == Window.IN_WRITE) return syncDuringWrite(command, change);
    GatedStorage.Gate gate = gates.arm(window.call);
    CompletableFuture<CompletableFuture<SyncBatch>> started =
        CompletableFuture.supplyAsync(
            () -> GatedStorage.pausable(() -> readerCore.sync().sync(command)));
    gate.awaitReached();
    try {
      change.run();
    } finally {
      gate.release();
    }
    return started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** A whole sync while the writer is paused at its first membership or tombstone write. */
  private CompletableFuture<SyncBatch> syncDuringWrite(Sync.Command command, Runnable change)
      throws Exception {
    say(admin, home, "busy before"); // so that the sync answers while the writer is paused
    GatedStorage.Gate gate = gates.arm(Window.IN_WRITE.call);
    CompletableFuture<Void> writing =
        CompletableFuture.runAsync(
            () ->
                GatedStorage.pausable(
                    () -> {
                      change.run();
                      return null;
                    }));
    gate.awaitReached();
    SyncBatch during;
    try {
      during = readerCore.sync().sync(command).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      gate.release();
    }
    writing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return CompletableFuture.completedFuture(during);
  }

  /** What the reader saw of {@code rooms}: its own membership changes, messages and deletions. */
  private List<String> labels(List<Event> events, Set<RoomId> rooms) {
    List<String> out = new ArrayList<>();
    for (Event e : events) {
      if (!rooms.contains(e.room())) continue;
      switch (e.content()) {
        case EventContent.Member m when m.target().equals(reader.id()) ->
            out.add(m.membership().name().toLowerCase() + ":" + names.get(m.target()));
        case EventContent.Message m -> out.add("msg:" + m.text());
        case EventContent.RoomDeleted d -> out.add("deleted");
        default -> {}
      }
    }
    return out;
  }

  private RoomId channel(String name) {
    return writer
        .createRoom()
        .create(new CreateRoom.Command(admin, name, Optional.empty()))
        .room()
        .id();
  }

  private void join(Caller who, RoomId room) {
    writer.joinRoom().join(new JoinRoom.Command(who, room));
  }

  private EventId say(Caller who, RoomId room, String text) {
    return writer
        .sendMessage()
        .send(new SendMessage.Command(who, room, text, Optional.empty(), Optional.empty()))
        .id();
  }

  private RoomId privateRoom(Caller... members) {
    return writer
        .createPrivateRoom()
        .create(
            new CreatePrivateRoom.Command(admin, ids(members), Optional.empty(), Optional.empty()))
        .id();
  }

  private void setMembers(RoomId room, Caller... members) {
    writer
        .updatePrivateRoom()
        .update(new UpdatePrivateRoom.Command(admin, room, ids(members), Optional.empty()));
  }

  private RoomId dm(Caller from, String text, Caller... to) {
    return writer
        .sendDirectMessage()
        .send(new SendDirectMessage.Command(from, ids(to), text, Optional.empty()))
        .room();
  }

  private RoomId place(Caller player) {
    return writer.placeInGlobalRoom().place(player.id()).id();
  }

  private static List<String> ids(Caller... callers) {
    return Arrays.stream(callers).map(c -> c.id().value()).toList();
  }
}
