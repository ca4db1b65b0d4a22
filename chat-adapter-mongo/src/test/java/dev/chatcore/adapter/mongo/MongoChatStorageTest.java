package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.chat.DmKey;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.reaction.ReactionKey;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomName;
import dev.chatcore.domain.testing.Events;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

class MongoChatStorageTest {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void isMongodbAndAnswersReady() {
    ChatStorage storage = mongo.storage(mongo.options(mongo.freshName()));
    assertEquals("mongodb", storage.kind());
    assertDoesNotThrow(storage::checkReady);
  }

  @Test
  void closingTwiceIsHarmlessAndAClosedStorageIsUnavailable() {
    ChatStorage storage = MongoChatStorage.connect(mongo.options(mongo.freshName()));
    storage.close();
    assertDoesNotThrow(storage::close);
    assertThrows(UnavailableException.class, storage::checkReady);
    assertThrows(UnavailableException.class, () -> storage.rooms().find(TestIds.room()));
  }

  @Test
  void aStartAgainstNoServerFailsWithUnavailableWithinTheTimeout() {
    MongoOptions nowhere =
        MongoOptions.of("mongodb://127.0.0.1:1", mongo.freshName())
            .withTimeout(Duration.ofMillis(500));
    long start = System.nanoTime();
    assertThrows(UnavailableException.class, () -> MongoChatStorage.connect(nowhere));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
  }

  /**
   * A load balancer learns of a lost store within about a second ({@code READY_TIMEOUT}), while
   * ordinary operations still get the configured timeout (3 s here) to ride out a short failover.
   */
  @Test
  void theReadinessProbeFailsWithinASecondOfLosingTheStoreAndOrdinaryOperationsKeepTheirTimeout() {
    assumeTrue(mongo.embedded(), "only the embedded server can be stopped");
    ChatStorage storage =
        mongo.storage(mongo.options(mongo.freshName()).withTimeout(Duration.ofSeconds(3)));
    storage.checkReady();
    mongo.stop();
    try {
      long ordinary = millisToFail(() -> storage.rooms().find(TestIds.room()));
      assertTrue(
          ordinary >= 2500,
          "an ordinary read failed after " + ordinary + " ms, before its 3 s timeout");
      // the driver knows the server is gone now: every operation waits for server selection
      long probe = millisToFail(storage::checkReady);
      assertTrue(probe < 1500, "the probe failed after " + probe + " ms");
    } finally {
      mongo.restart();
    }
  }

  private static long millisToFail(Executable operation) {
    long start = System.nanoTime();
    assertThrows(UnavailableException.class, operation);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void everyPortFailsWithUnavailableWhileTheServerIsDownAndWorksAgainAfter() throws Exception {
    assumeTrue(mongo.embedded(), "only the embedded server can be stopped");
    ChatStorage storage =
        mongo.storage(mongo.options(mongo.freshName()).withTimeout(Duration.ofMillis(800)));
    Room room =
        Room.channel(TestIds.room(), new RoomName("r"), Optional.empty(), T, TestIds.account());
    storage.rooms().create(room);
    List<Executable> operations =
        List.of(
            storage::checkReady,
            () -> storage.rooms().find(room.id()),
            () -> storage.rooms().listByType(room.type()),
            () -> storage.events().append(Events.message(room.id(), "x")),
            () -> storage.events().readAfter(EventId.ORIGIN, Set.of(room.id()), 10),
            () -> storage.events().head(),
            () -> storage.memberships().count(room.id(), MemberState.JOINED),
            () ->
                storage
                    .accounts()
                    .register(new Account(TestIds.account(), "a", false, T, EventId.ORIGIN)),
            () -> storage.invites().redeem("c0de00000000000000000001", T),
            () ->
                storage
                    .invites()
                    .save(
                        new Invite(
                            "c0de00000000000000000002",
                            1,
                            T.plusSeconds(60),
                            false,
                            false,
                            Optional.empty(),
                            T)),
            () ->
                storage
                    .memberships()
                    .joinIfBelow(
                        new MemberChange(
                            room.id(),
                            TestIds.account(),
                            MemberState.JOINED,
                            T,
                            EventId.ORIGIN,
                            false,
                            Optional.empty()),
                        10),
            () -> storage.events().purgeExpired(T),
            () -> storage.events().readMessagesSince(room.id(), T, 10),
            () -> storage.bans().find(TestIds.account()),
            () ->
                storage
                    .reactions()
                    .add(room.id(), new EventId(1), TestIds.account(), new ReactionKey("x")),
            () -> storage.receipts().advance(room.id(), TestIds.account(), new EventId(1)),
            () -> storage.globalRooms().place(TestIds.account(), 5, Set.of(), TestIds.room(), T),
            () -> storage.dmRooms().claim(new DmKey("a,b"), TestIds.room()),
            () -> storage.activity().touch(TestIds.account(), T),
            () ->
                storage
                    .preferences()
                    .findOrCreate(TestIds.account(), "0123456789abcdef01234567", T),
            () -> storage.reports().findByMessage(new EventId(1)),
            () -> storage.announcements().active(T),
            () -> storage.hackedMessages().count(),
            // the admin methods
            () -> storage.events().findMessages(MessageFilter.all(), 0, 10),
            () -> storage.events().countMessages(MessageFilter.all()),
            () -> storage.events().deleteMessage(new EventId(1)),
            () ->
                storage
                    .events()
                    .editMessage(
                        new EventId(1),
                        new EventContent.Message("x", Optional.empty()),
                        Optional.empty(),
                        T,
                        TestIds.account()),
            () -> storage.events().deleteMessages(room.id(), new EventId(1), 10),
            () -> storage.reports().list(Optional.empty(), 0, 10),
            () ->
                storage
                    .reports()
                    .review(
                        "000000000000000000000001",
                        ReportStatus.MILD,
                        Optional.empty(),
                        TestIds.account()),
            () -> storage.reports().purge(ReportStatus.MILD, T, 10),
            () -> storage.announcements().purgeExpired(T, 10),
            () -> storage.bans().purgeExpired(T, 10),
            () -> storage.rooms().update(room),
            () -> storage.rooms().purgeTombstone(room.id()),
            () -> storage.hackedMessages().list(Optional.of(room.id()), Optional.empty(), 0, 10));
    mongo.stop();
    try {
      for (Executable operation : operations) {
        long start = System.nanoTime();
        assertThrows(UnavailableException.class, operation);
        assertTrue(
            System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "fails within the timeout");
      }
    } finally {
      mongo.restart();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    boolean ready = false;
    while (!ready && System.nanoTime() < deadline) {
      try {
        storage.checkReady();
        ready = true;
      } catch (UnavailableException e) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    assertTrue(ready, "answers again without a new client");
    assertEquals(Optional.of(room), storage.rooms().find(room.id()));
    assertTrue(storage.events().append(Events.message(room.id(), "after")).created());
  }
}
