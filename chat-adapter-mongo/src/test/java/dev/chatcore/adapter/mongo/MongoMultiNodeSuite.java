package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.admin.ListAdminMessages;
import dev.chatcore.application.member.JoinRoom;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.stream.RecordingSink;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes: two complete cores, each with its own client, on one database. Runs with
 * polling ({@link MongoMultiNodePollingTest}) and with change streams ({@link
 * MongoMultiNodeChangeStreamTest}, the embedded server with its oplog on).
 */
abstract class MongoMultiNodeSuite {
  private final Caller admin = new Caller(TestIds.account(), "admin", true);

  /** The fixture of the concrete class. */
  abstract MongoFixture mongo();

  abstract MongoOptions.SyncDelivery delivery();

  private MongoOptions options() {
    return mongo().options(mongo().freshName()).withSyncDelivery(delivery());
  }

  private ChatCore node(MongoOptions options) {
    ChatCore core = ChatCore.create(mongo().storage(options), Limits.defaults(), Clock.systemUTC());
    assertEquals(
        options.syncDelivery().name().toLowerCase(Locale.ROOT), core.storage().feed().delivery());
    return mongo().closeAfterTest(core);
  }

  private RoomId channel(ChatCore core) {
    return core.createRoom()
        .create(new CreateRoom.Command(admin, "lobby", Optional.empty()))
        .room()
        .id();
  }

  private static Sync.Command sync(Caller caller, EventId since, Duration timeout) {
    return new Sync.Command(caller, since, timeout, Optional.empty());
  }

  private static SendMessage.Command message(Caller sender, RoomId room, String text) {
    return new SendMessage.Command(sender, room, text, Optional.empty(), Optional.empty());
  }

  @Test
  void aSyncHeldOnOneNodeIsAnsweredWithinASecondOfAPostOnAnother() throws Exception {
    MongoOptions options = options();
    ChatCore a = node(options);
    ChatCore b = node(options);
    RoomId room = channel(b);
    Caller player = Caller.player(TestIds.account(), "player");
    EventId since = a.storage().events().head();
    var held = a.sync().sync(sync(player, since, Duration.ofSeconds(30)));
    assertTrue(
        await(() -> a.syncWaiter().heldCount() == 1, Duration.ofSeconds(5)),
        "the sync is held on node A");
    long posted = System.nanoTime();
    Event sent =
        b.sendMessage()
            .send(message(Caller.player(TestIds.account(), "other"), room, "across nodes"));
    SyncBatch batch = held.get(5, TimeUnit.SECONDS);
    long elapsed = System.nanoTime() - posted;
    assertEquals(List.of(sent.id()), batch.events().stream().map(Event::id).toList());
    assertTrue(
        elapsed < TimeUnit.SECONDS.toNanos(1), "answered after " + elapsed / 1_000_000 + " ms");
  }

  @Test
  void writersAndReadersOnTwoNodesSeeEveryMessageOnceInStreamOrder() throws Exception {
    MongoOptions options = options();
    ChatCore a = node(options);
    ChatCore b = node(options);
    RoomId room = channel(a);
    EventId start = a.storage().events().head();
    int perWriter = 40;
    List<ChatCore> writerNodes = List.of(a, b, a, b);
    int total = perWriter * writerNodes.size();
    ExecutorService pool = Executors.newFixedThreadPool(writerNodes.size() + 2);
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<EventId> written = new ConcurrentLinkedQueue<>();
    List<Future<?>> writers = new ArrayList<>();
    for (ChatCore node : writerNodes) {
      Caller sender = Caller.player(TestIds.account(), "writer");
      writers.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perWriter; i++)
                  written.add(node.sendMessage().send(message(sender, room, "m" + i)).id());
                return null;
              }));
    }
    List<Future<List<EventId>>> readers = new ArrayList<>();
    for (ChatCore node : List.of(a, b)) {
      Caller reader = Caller.player(TestIds.account(), "reader");
      readers.add(
          pool.submit(
              () -> {
                go.await();
                List<EventId> seen = new ArrayList<>();
                EventId cursor = start;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < total && System.nanoTime() < deadline) {
                  SyncBatch batch =
                      node.sync()
                          .sync(sync(reader, cursor, Duration.ofSeconds(1)))
                          .get(10, TimeUnit.SECONDS);
                  for (Event e : batch.events()) if (e.isMessage()) seen.add(e.id());
                  cursor = batch.nextBatch();
                }
                return seen;
              }));
    }
    go.countDown();
    for (Future<?> w : writers) w.get(60, TimeUnit.SECONDS);
    List<EventId> expected = new ArrayList<>(written);
    expected.sort(null);
    assertEquals(total, expected.size());
    for (Future<List<EventId>> r : readers) {
      assertEquals(
          expected, r.get(70, TimeUnit.SECONDS), "every message exactly once, in stream order");
    }
    pool.shutdown();
  }

  @Test
  void aStreamOnOneNodeGetsEveryPostOfAnotherOnceAndAChannelCreatedThere() throws Exception {
    MongoOptions options = options();
    ChatCore a = node(options);
    ChatCore b = node(options);
    RoomId room = channel(b);
    Caller player = Caller.player(TestIds.account(), "player");
    EventId since = a.storage().events().head();
    RecordingSink sink = RecordingSink.draining();
    a.openStream().open(new OpenStream.Command(player, since, Optional.empty()), sink);
    List<EventId> sent = new ArrayList<>();
    Caller other = Caller.player(TestIds.account(), "other");
    for (int i = 0; i < 30; i++)
      sent.add(b.sendMessage().send(message(other, room, "across " + i)).id());
    assertTrue(sink.awaitEvents(30, Duration.ofSeconds(30)), "got " + sink.events().size());
    assertEquals(sent, sink.ids(), "every post of node B, once, in stream order");
    // a channel created on B is in every scope at once: the feed wakes the stream on A for it
    RoomId created = channel(b);
    assertTrue(
        sink.awaitEvents(31, Duration.ofSeconds(30)),
        "the new channel's m.room.created reached node A");
    assertEquals(created, sink.events().get(30).room());
    EventId inNew = b.sendMessage().send(message(other, created, "in the new channel")).id();
    assertTrue(sink.awaitEvents(32, Duration.ofSeconds(30)));
    assertEquals(inNew, sink.ids().get(31));
  }

  /**
   * Read-your-writes behind a load balancer: a post acknowledged by node A is in every read that
   * node B begins afterwards (history, the room's head and unread count, the admin listing),
   * without waiting for B's feed to notice it.
   */
  @Test
  void aReadOnOneNodeSeesEveryPostAcknowledgedOnAnotherBeforeItBegan() {
    MongoOptions options = options();
    ChatCore a = node(options);
    ChatCore b = node(options);
    RoomId room = channel(a);
    Caller sender = Caller.player(TestIds.account(), "sender");
    Caller reader = Caller.player(TestIds.account(), "reader");
    b.joinRoom().join(new JoinRoom.Command(reader, room));
    for (int round = 1; round <= 200; round++) {
      EventId posted = a.sendMessage().send(message(sender, room, "m" + round)).id();
      String at = "round " + round + ": ";
      List<Event> newest =
          b.readHistory()
              .read(
                  new ReadHistory.Query(
                      reader, room, Optional.empty(), Direction.BACKWARD, OptionalInt.of(1)))
              .chunk();
      assertEquals(List.of(posted), newest.stream().map(Event::id).toList(), at + "history");
      RoomView view = b.getRoom().get(reader, room);
      assertEquals(Optional.of(posted), view.head(), at + "room head");
      assertEquals(round, view.unreadCount(), at + "unread count");
      List<Event> listed =
          b.listAdminMessages()
              .list(
                  new ListAdminMessages.Query(
                      admin, Optional.of(room), Optional.empty(), Optional.empty(), 0))
              .messages()
              .events();
      assertEquals(posted, listed.getFirst().id(), at + "admin listing, newest first");
    }
  }

  private static boolean await(BooleanSupplier condition, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return true;
  }
}
