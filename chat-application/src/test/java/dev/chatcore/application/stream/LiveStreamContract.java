package dev.chatcore.application.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.GatedStorage;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.BanAccount;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Live streams over any storage: a stream delivers exactly what consecutive syncs following {@code
 * next_batch} deliver (same visibility, nothing skipped, nothing twice, across reopens and
 * concurrent writers), and the transport-independent rules: backpressure, lifetime, keep-alives,
 * the per-account cap, bans, shutdown, and stream tickets.
 */
public abstract class LiveStreamContract extends CoreFixture {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Override
  protected Limits limits() {
    return Limits.defaults().withSyncTimeoutMin(Duration.ofMillis(20));
  }

  private LiveStream open(ChatCore on, Caller who, EventId since, StreamSink sink) {
    return on.openStream().open(new OpenStream.Command(who, since, Optional.empty()), sink);
  }

  /** A second core on the same storage with other stream limits (writes go through it too). */
  private ChatCore coreWith(UnaryOperator<StreamLimits> change) {
    return ChatCore.create(
        storage, limits().withStreams(change.apply(StreamLimits.defaults())), clock);
  }

  /**
   * What a client following {@code next_batch} with syncs gets, until it is caught up: a sync that
   * finds events answers at once, so an empty answer after a whole second means nothing was left.
   */
  private List<EventId> syncAll(Caller who, EventId since) throws Exception {
    List<EventId> out = new ArrayList<>();
    EventId cursor = since;
    while (true) {
      SyncBatch b =
          core.sync()
              .sync(new Sync.Command(who, cursor, Duration.ofSeconds(1), Optional.empty()))
              .get(10, TimeUnit.SECONDS);
      if (b.events().isEmpty()) return out;
      b.events().forEach(e -> out.add(e.id()));
      cursor = b.nextBatch();
    }
  }

  @Test
  void deliversWhatIsThereThenWhatArrivesInStreamOrder() throws Exception {
    Caller alice = player("alice");
    RoomId lobby = channel("lobby");
    EventId start = storage.events().head();
    List<EventId> sent = new ArrayList<>();
    for (int i = 0; i < 150; i++) sent.add(say(admin, lobby, "before " + i)); // more than one batch
    RecordingSink sink = RecordingSink.draining();
    open(core, alice, start, sink);
    assertTrue(sink.awaitEvents(150, WAIT));
    for (int i = 0; i < 20; i++) sent.add(say(admin, lobby, "after " + i));
    assertTrue(sink.awaitEvents(170, WAIT));
    assertEquals(sent, sink.ids());
    assertEquals(syncAll(alice, start), sink.ids(), "the same as consecutive syncs");
    assertFalse(sink.overlapped());
  }

  @Test
  void neverSkipsOrRepeatsUnderConcurrentWritersAcrossReopens() throws Exception {
    List<RoomId> rooms = List.of(channel("r1"), channel("r2"), channel("r3"));
    EventId start = storage.events().head();
    int writers = 6;
    int perWriter = 60;
    int total = writers * perWriter;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<EventId>>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Caller writer = player("writer" + w);
        RoomId room = rooms.get(w % rooms.size());
        writes.add(
            pool.submit(
                () -> {
                  go.await();
                  List<EventId> mine = new ArrayList<>();
                  for (int i = 0; i < perWriter; i++) mine.add(say(writer, room, "w" + i));
                  return mine;
                }));
      }
      // one reader resumes from the last event id it got (SSE), the other from next_batch
      // (WebSocket)
      List<Future<List<EventId>>> reads = new ArrayList<>();
      for (boolean byLastEventId : new boolean[] {true, false}) {
        Caller reader = player("reader" + byLastEventId);
        reads.add(pool.submit(() -> readWithReopens(reader, start, total, byLastEventId, go)));
      }
      go.countDown();
      List<EventId> expected = new ArrayList<>();
      for (Future<List<EventId>> w : writes) expected.addAll(w.get(60, TimeUnit.SECONDS));
      expected.sort(null);
      for (Future<List<EventId>> r : reads) assertEquals(expected, r.get(90, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Opens, takes a few batches, closes and reopens from where it got to, until it has {@code
   * total}.
   */
  private List<EventId> readWithReopens(
      Caller reader, EventId start, int total, boolean byLastEventId, CountDownLatch go)
      throws Exception {
    go.await();
    List<EventId> seen = new ArrayList<>();
    EventId cursor = start;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (seen.size() < total && System.nanoTime() < deadline) {
      RecordingSink sink = RecordingSink.draining();
      LiveStream stream = open(core, reader, cursor, sink);
      sink.awaitEvents(Math.min(total - seen.size(), 25), Duration.ofSeconds(5));
      stream.close();
      sink.awaitEnd(WAIT);
      assertFalse(sink.overlapped());
      seen.addAll(sink.ids());
      cursor = byLastEventId ? (seen.isEmpty() ? start : seen.getLast()) : sink.nextBatch(cursor);
    }
    return seen;
  }

  @Test
  void aKickedMemberGetsItsKickAndNothingMoreOfThatRoom() throws Exception {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId lobby = channel("lobby");
    RoomId side = channel("side");
    EventId start = storage.events().head();
    RecordingSink sink = RecordingSink.draining();
    open(core, alice, start, sink);
    EventId before = say(bob, lobby, "before the kick");
    assertTrue(sink.awaitEvents(1, WAIT));
    core.kickMember().kick(new KickMember.Command(admin, lobby, alice.id()));
    say(bob, lobby, "after the kick");
    EventId elsewhere = say(bob, side, "still in side");
    assertTrue(sink.awaitEvents(3, WAIT));
    List<Event> got = sink.events();
    assertEquals(before, got.get(0).id());
    assertInstanceOf(EventContent.Member.class, got.get(1).content());
    EventContent.Member kick = (EventContent.Member) got.get(1).content();
    assertEquals(alice.id(), kick.target());
    assertEquals(Membership.KICK, kick.membership());
    assertEquals(elsewhere, got.get(2).id());
    assertEquals(syncAll(alice, start), sink.ids(), "the same as consecutive syncs");
  }

  @Test
  void aBanEndsTheStreamWithTheRefusal() throws Exception {
    Caller alice = player("alice");
    RoomId lobby = channel("lobby");
    RecordingSink sink = RecordingSink.draining();
    open(core, alice, storage.events().head(), sink);
    say(admin, lobby, "hello");
    assertTrue(sink.awaitEvents(1, WAIT));
    core.banAccount().ban(new BanAccount.Command(admin, alice.id(), Optional.empty(), "rude"));
    StreamEnd end = sink.awaitEnd(WAIT);
    assertEquals(StreamEnd.Reason.FAILED, end.reason());
    assertInstanceOf(BannedException.class, end.failure().orElseThrow());
    assertEquals(0, core.streams().openCount());
  }

  /**
   * A ban issued after the stream opened but before its first read registered with the waiter
   * signals nothing: the stream asks the gate once it is registered, and ends.
   */
  @Test
  void aBanBeforeTheFirstRegistrationEndsTheStreamToo() throws Exception {
    Caller alice = player("alice");
    channel("lobby");
    GatedStorage gates = new GatedStorage();
    ChatCore gated = ChatCore.create(gates.wrap(storage), limits(), clock);
    try {
      gated.registerCaller().register(alice); // opening then reads no head on this thread
      RecordingSink sink = RecordingSink.draining();
      EventId start = storage.events().head();
      GatedStorage.Gate firstRead = gates.arm("EventLog.head");
      GatedStorage.pausableWithThreadsItStarts(() -> open(gated, alice, start, sink));
      firstRead.awaitReached();
      gated.banAccount().ban(new BanAccount.Command(admin, alice.id(), Optional.empty(), "rude"));
      firstRead.release();
      StreamEnd end = sink.awaitEnd(WAIT);
      assertEquals(StreamEnd.Reason.FAILED, end.reason());
      assertInstanceOf(BannedException.class, end.failure().orElseThrow());
    } finally {
      gated.close();
    }
  }

  @Test
  void aClientThatStopsReadingIsEndedAtTheBoundAndDrainingOnesAreNot() throws Exception {
    ChatCore bounded = coreWith(l -> l.withQueueMax(limits().syncBatchMax(), 1 << 20));
    try {
      RoomId lobby =
          bounded
              .createRoom()
              .create(new CreateRoom.Command(admin, "lobby", Optional.empty()))
              .room()
              .id();
      EventId start = storage.events().head();
      RecordingSink stalled = RecordingSink.stalled();
      RecordingSink reading = RecordingSink.draining();
      open(bounded, player("stalled"), start, stalled);
      open(bounded, player("reading"), start, reading);
      int sent = limits().syncBatchMax() + 50;
      for (int i = 0; i < sent; i++) {
        bounded
            .sendMessage()
            .send(
                new SendMessage.Command(admin, lobby, "m" + i, Optional.empty(), Optional.empty()));
      }
      assertEquals(StreamEnd.Reason.SLOW_CONSUMER, stalled.awaitEnd(WAIT).reason());
      assertTrue(
          stalled.events().size() < sent + limits().syncBatchMax(),
          "stops taking batches past the bound");
      assertTrue(reading.awaitEvents(sent, WAIT));
      assertFalse(reading.ended(), "a client that keeps up is not ended");
    } finally {
      bounded.close();
    }
  }

  @Test
  void theByteBoundEndsAStalledClientToo() throws Exception {
    ChatCore bounded = coreWith(l -> l.withQueueMax(10_000, 5 * RecordingSink.BYTES_PER_EVENT));
    try {
      RoomId lobby =
          bounded
              .createRoom()
              .create(new CreateRoom.Command(admin, "lobby", Optional.empty()))
              .room()
              .id();
      RecordingSink stalled = RecordingSink.stalled();
      open(bounded, player("stalled"), storage.events().head(), stalled);
      for (int i = 0; i < 8; i++) {
        bounded
            .sendMessage()
            .send(
                new SendMessage.Command(admin, lobby, "m" + i, Optional.empty(), Optional.empty()));
      }
      assertEquals(StreamEnd.Reason.SLOW_CONSUMER, stalled.awaitEnd(WAIT).reason());
    } finally {
      bounded.close();
    }
  }

  @Test
  void aStreamEndsAtItsLifetime() throws Exception {
    ChatCore shortLived =
        coreWith(l -> l.withTimes(Duration.ofSeconds(30), Duration.ofMillis(300)));
    try {
      RecordingSink sink = RecordingSink.draining();
      long opened = System.nanoTime();
      open(shortLived, player("alice"), storage.events().head(), sink);
      assertEquals(StreamEnd.Reason.LIFETIME, sink.awaitEnd(WAIT).reason());
      assertTrue(
          System.nanoTime() - opened >= Duration.ofMillis(300).toNanos(),
          "not before its lifetime");
    } finally {
      shortLived.close();
    }
  }

  @Test
  void anIdleStreamGetsAKeepAliveEachInterval() throws Exception {
    ChatCore chatty = coreWith(l -> l.withTimes(Duration.ofMillis(200), Duration.ofMinutes(5)));
    try {
      RecordingSink idle = RecordingSink.draining();
      long opened = System.nanoTime();
      open(chatty, player("idle"), storage.events().head(), idle);
      assertTrue(RecordingSink.await(() -> idle.heartbeats() >= 2, WAIT));
      assertTrue(
          System.nanoTime() - opened >= Duration.ofMillis(400).toNanos(),
          "one per interval, not more");
    } finally {
      chatty.close();
    }
  }

  @Test
  void openingOneMoreStreamThanTheCapEndsTheAccountsOldest() throws Exception {
    ChatCore capped = coreWith(l -> l.withPerAccount(2));
    try {
      Caller alice = player("alice");
      EventId head = storage.events().head();
      RecordingSink first = RecordingSink.draining();
      RecordingSink second = RecordingSink.draining();
      RecordingSink third = RecordingSink.draining();
      RecordingSink someoneElse = RecordingSink.draining();
      open(capped, alice, head, first);
      open(capped, alice, head, second);
      open(capped, player("bob"), head, someoneElse);
      open(capped, alice, head, third);
      assertEquals(StreamEnd.Reason.REPLACED, first.awaitEnd(WAIT).reason());
      assertFalse(second.ended() || third.ended() || someoneElse.ended());
      assertEquals(3, capped.streams().openCount());
    } finally {
      capped.close();
    }
  }

  @Test
  void streamsNeitherEvictNorAreEvictedByHeldSyncs() throws Exception {
    Caller alice = player("alice");
    RoomId lobby = channel("lobby");
    EventId head = storage.events().head();
    RecordingSink sink = RecordingSink.draining();
    open(core, alice, head, sink);
    List<CompletableFuture<SyncBatch>> held = new ArrayList<>();
    for (int i = 0; i < limits().heldSyncsPerAccount(); i++) {
      held.add(
          core.sync()
              .sync(new Sync.Command(alice, head, Duration.ofSeconds(30), Optional.empty())));
    }
    assertTrue(
        RecordingSink.await(
            () -> core.syncWaiter().heldCount() == limits().heldSyncsPerAccount(), WAIT),
        "a stream is not a held sync: all syncs are held beside it");
    EventId m = say(admin, lobby, "to all");
    assertTrue(sink.awaitEvents(1, WAIT));
    assertEquals(List.of(m), sink.ids());
    for (var h : held)
      assertEquals(
          List.of(m), h.get(10, TimeUnit.SECONDS).events().stream().map(Event::id).toList());
    assertFalse(sink.ended());
  }

  @Test
  void closingTheCoreEndsEveryStream() throws Exception {
    ChatCore closing = coreWith(UnaryOperator.identity());
    RecordingSink a = RecordingSink.draining();
    RecordingSink b = RecordingSink.draining();
    open(closing, player("a"), storage.events().head(), a);
    open(closing, player("b"), storage.events().head(), b);
    closing.close();
    assertEquals(StreamEnd.Reason.SHUTDOWN, a.awaitEnd(WAIT).reason());
    assertEquals(StreamEnd.Reason.SHUTDOWN, b.awaitEnd(WAIT).reason());
  }

  @Test
  void aFilteredStreamDeliversOnlyItsRooms() throws Exception {
    Caller alice = player("alice");
    RoomId lobby = channel("lobby");
    RoomId side = channel("side");
    RecordingSink sink = RecordingSink.draining();
    core.openStream()
        .open(
            new OpenStream.Command(alice, storage.events().head(), Optional.of(Set.of(side))),
            sink);
    say(admin, lobby, "not for the filter");
    EventId wanted = say(admin, side, "for the filter");
    assertTrue(sink.awaitEvents(1, WAIT));
    assertEquals(List.of(wanted), sink.ids());
  }

  /**
   * An admin's filtered stream watches the named rooms whole, member or not, as its filtered sync
   * does (the console watches rooms live): the scope is the one sync reads.
   */
  @Test
  void anAdminsFilteredStreamWatchesARoomItIsNotInLikeItsSync() throws Exception {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId secret = room(RoomType.PRIVATE, alice, bob);
    EventId start = storage.events().head();
    RecordingSink watching = RecordingSink.draining();
    RecordingSink unfiltered = RecordingSink.draining();
    core.openStream()
        .open(new OpenStream.Command(admin, start, Optional.of(Set.of(secret))), watching);
    core.openStream().open(new OpenStream.Command(admin, start, Optional.empty()), unfiltered);
    EventId said = say(alice, secret, "between us");
    assertTrue(watching.awaitEvents(1, WAIT));
    assertEquals(List.of(said), watching.ids());
    SyncBatch sync =
        core.sync()
            .sync(
                new Sync.Command(admin, start, Duration.ofSeconds(1), Optional.of(Set.of(secret))))
            .get(10, TimeUnit.SECONDS);
    assertEquals(
        sync.events().stream().map(Event::id).toList(), watching.ids(), "the same as its sync");
    EventId lobbyPost = say(alice, channel("lobby"), "in a channel");
    assertTrue(RecordingSink.await(() -> unfiltered.ids().contains(lobbyPost), WAIT));
    assertFalse(
        unfiltered.ids().contains(said), "without a filter an admin sees its own rooms only");
  }

  @Test
  void aTicketOpensOnceAndOnlyWithinItsLifetime() {
    Caller alice = new Caller(TestIds.account(), "alice", false);
    IssueStreamTicket.Ticket ticket = core.issueStreamTicket().issue(alice);
    assertEquals(limits().streams().ticketLifetime(), ticket.expiresIn());
    assertEquals(Optional.of(alice), core.redeemStreamTicket().redeem(ticket.value()));
    assertEquals(Optional.empty(), core.redeemStreamTicket().redeem(ticket.value()), "single use");
    IssueStreamTicket.Ticket late = core.issueStreamTicket().issue(alice);
    clock.advance(limits().streams().ticketLifetime());
    assertEquals(Optional.empty(), core.redeemStreamTicket().redeem(late.value()), "expired");
    assertEquals(Optional.empty(), core.redeemStreamTicket().redeem("not-a-ticket"));
    assertEquals(Optional.empty(), core.redeemStreamTicket().redeem("x".repeat(1000)));
  }
}
