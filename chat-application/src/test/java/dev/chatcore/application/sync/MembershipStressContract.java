package dev.chatcore.application.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.member.JoinRoom;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The visibility promise with no hooks, under load: a busy room keeps the reader's sync loop
 * answering while players open DMs with it, it leaves and rejoins channels, and an admin kicks it
 * and it comes back. Afterwards an oracle replays the stream itself (the reader's own {@code
 * m.member} events, room by room) to say which events the reader was entitled to; the reader must
 * have received exactly those, in order, each once.
 */
public abstract class MembershipStressContract {
  /** The stores of the reader's node and of the writers' node: one and the same on one node. */
  public record Stores(ChatStorage reader, ChatStorage writer) {}

  private static final Limits LIMITS = Limits.defaults().withSyncTimeoutMin(Duration.ofMillis(20));
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Caller admin = new Caller(TestIds.account(), "admin", true);
  private final Caller reader = Caller.player(TestIds.account(), "reader");
  private Stores stores;
  private ChatCore readerCore;
  private ChatCore writer;

  /** Fresh, empty stores for every run; closed after it. */
  protected abstract Stores newStores();

  /** How many players open a DM with the reader, and how many channels it churns through. */
  protected int dms() {
    return 150;
  }

  protected int channels() {
    return 40;
  }

  @BeforeEach
  void start() {
    stores = newStores();
    readerCore = ChatCore.create(stores.reader(), LIMITS, Clock.systemUTC());
    writer =
        stores.writer() == stores.reader()
            ? readerCore
            : ChatCore.create(stores.writer(), LIMITS, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (writer != readerCore) writer.close();
    readerCore.close();
    stores.reader().close();
    if (stores.writer() != stores.reader()) stores.writer().close();
  }

  /** How many of the 20 runs this storage makes (the others are skipped). */
  protected int runs() {
    return 20;
  }

  @RepeatedTest(value = 20, failureThreshold = 1)
  void everyEntitledEventArrivesExactlyOnceAndNothingAfterAnExit(RepetitionInfo run)
      throws Exception {
    assumeTrue(run.getCurrentRepetition() <= runs(), "this storage makes fewer runs");
    RoomId home = channel("home");
    List<RoomId> churn = new ArrayList<>();
    for (int i = 0; i < channels(); i++) churn.add(channel("c" + i));
    RoomId moderated = channel("moderated");
    readerCore.registerCaller().register(reader);
    EventId start = readerCore.storage().events().head();

    AtomicBoolean done = new AtomicBoolean();
    Set<RoomId> dmRooms = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    work.add(
        pool.submit(
            () -> {
              for (int i = 0; !done.get(); i++) say(admin, home, "busy " + i);
              return null;
            }));
    work.add(
        pool.submit(
            () -> {
              for (int i = 0; i < dms(); i++) {
                Caller player = Caller.player(TestIds.account(), "p" + i);
                dmRooms.add(
                    writer
                        .sendDirectMessage()
                        .send(
                            new SendDirectMessage.Command(
                                player, List.of(reader.id().value()), "dm " + i, Optional.empty()))
                        .room());
              }
              return null;
            }));
    work.add(
        pool.submit(
            () -> {
              for (RoomId c : churn) leave(c);
              for (RoomId c : churn) {
                writer.joinRoom().join(new JoinRoom.Command(reader, c));
                say(admin, c, "after join");
                leave(c);
                say(admin, c, "after leave");
              }
              return null;
            }));
    work.add(
        pool.submit(
            () -> {
              for (int i = 0; i < 10; i++) {
                say(admin, moderated, "before kick " + i);
                writer.kickMember().kick(new KickMember.Command(admin, moderated, reader.id()));
                say(admin, moderated, "while out " + i);
                writer.joinRoom().join(new JoinRoom.Command(reader, moderated));
              }
              return null;
            }));

    List<Event> delivered = new ArrayList<>();
    EventId cursor = start;
    for (int i = 1; i < work.size(); i++) {
      while (!work.get(i).isDone()) cursor = syncInto(delivered, cursor);
      work.get(i).get();
    }
    done.set(true);
    work.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    pool.shutdown();
    EventId marker = say(admin, home, "marker");
    while (delivered.stream().noneMatch(e -> e.id().equals(marker)))
      cursor = syncInto(delivered, cursor);

    Set<RoomId> tested = new HashSet<>(churn);
    tested.add(moderated);
    tested.addAll(dmRooms);
    Set<EventId> once = new HashSet<>();
    for (Event e : delivered) assertTrue(once.add(e.id()), "delivered twice: " + e);
    List<EventId> got =
        delivered.stream().filter(e -> tested.contains(e.room())).map(Event::id).toList();
    Set<RoomId> channels = new HashSet<>(churn);
    channels.add(moderated);
    List<EventId> entitled = entitled(start, tested, channels);
    assertEquals(
        dms(),
        delivered.stream()
            .filter(
                e -> e.content() instanceof EventContent.Message m && m.text().startsWith("dm "))
            .count(),
        "every DM arrives");
    assertEquals(entitled, got);
  }

  private EventId syncInto(List<Event> delivered, EventId cursor) throws Exception {
    SyncBatch batch =
        readerCore
            .sync()
            .sync(new Sync.Command(reader, cursor, Duration.ofMillis(200), Optional.empty()))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    delivered.addAll(batch.events());
    return batch.nextBatch();
  }

  /**
   * The oracle: the events of {@code rooms} after {@code start} that the reader was entitled to,
   * from the stream alone. Membership starts true in channels (automatic) and false elsewhere; the
   * reader's own {@code m.member} events change it; an event is the reader's when it was a member
   * at it or just before it (its own leave or kick), and nothing of a room follows its deletion.
   */
  private List<EventId> entitled(EventId start, Set<RoomId> rooms, Set<RoomId> channels) {
    Map<RoomId, Boolean> member = new HashMap<>();
    List<EventId> out = new ArrayList<>();
    Set<RoomId> deleted = new HashSet<>();
    EventId cursor = start;
    while (true) {
      StreamSlice slice = writer.storage().events().readAfter(cursor, rooms, 1000);
      for (Event e : slice.events()) {
        boolean before = member.computeIfAbsent(e.room(), channels::contains);
        boolean after = before;
        if (e.content() instanceof EventContent.Member m && m.target().equals(reader.id())) {
          after = m.membership() == Membership.JOIN;
          member.put(e.room(), after);
        }
        if (!deleted.contains(e.room()) && (before || after)) out.add(e.id());
        if (e.content() instanceof EventContent.RoomDeleted) deleted.add(e.room());
      }
      if (!slice.limited()) return out;
      cursor = slice.upTo();
    }
  }

  private RoomId channel(String name) {
    return writer
        .createRoom()
        .create(new CreateRoom.Command(admin, name, Optional.empty()))
        .room()
        .id();
  }

  private void leave(RoomId room) {
    writer.leaveRoom().leave(new LeaveRoom.Command(reader, room));
  }

  private EventId say(Caller who, RoomId room, String text) {
    return writer
        .sendMessage()
        .send(new SendMessage.Command(who, room, text, Optional.empty(), Optional.empty()))
        .id();
  }
}
