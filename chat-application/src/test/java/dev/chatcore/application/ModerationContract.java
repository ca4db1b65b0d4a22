package dev.chatcore.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import dev.chatcore.domain.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bans, automatic spam bans and their ladder, on every storage. */
public abstract class ModerationContract {
  protected final MutableClock clock = new MutableClock();
  private final Caller admin = new Caller(TestIds.account(), "admin", true);
  private final Caller spammer = Caller.player(TestIds.account(), "spammer");
  private ChatStorage storage;
  private ChatCore core;
  private RoomId lobby;
  private RoomId other;

  protected abstract ChatStorage newStorage();

  @BeforeEach
  void start() {
    storage = newStorage();
    core = ChatCore.create(storage, ChatCoreContract.LIMITS, clock);
    lobby = core.createRoom().create(new CreateRoom.Command(admin, "lobby", Optional.empty())).room().id();
    other = core.createRoom().create(new CreateRoom.Command(admin, "other", Optional.empty())).room().id();
  }

  @AfterEach
  void stop() {
    core.close();
    storage.close();
  }

  private void send(Caller who, RoomId room, String text) {
    core.sendMessage().send(new dev.chatcore.application.message.SendMessage.Command(who, room, text,
        Optional.empty(), Optional.empty()));
  }

  @Test
  void bannedAccountIsRefusedUntilTheBanEndsOrIsLifted() {
    Ban ban = core.moderation().ban(admin, spammer.id(), Optional.of(Duration.ofMinutes(10)), "rude");
    assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(10))), ban.until());
    BannedException refused = assertThrows(BannedException.class, () -> core.banGate().requireNotBanned(spammer.id()));
    assertEquals("rude", refused.reason());
    assertEquals(ban.until(), refused.until());
    clock.advance(Duration.ofMinutes(10));
    core.banGate().requireNotBanned(spammer.id());
    core.moderation().ban(admin, spammer.id(), Optional.empty(), "for good");
    assertEquals(Optional.empty(),
        assertThrows(BannedException.class, () -> core.banGate().requireNotBanned(spammer.id())).until());
    core.moderation().unban(admin, spammer.id());
    core.banGate().requireNotBanned(spammer.id());
    assertThrows(NotFoundException.class, () -> core.moderation().unban(admin, spammer.id()));
  }

  @Test
  void onlyAdminsBanAndDurationsArePositive() {
    assertThrows(ForbiddenException.class, () -> core.moderation().ban(spammer, admin.id(), Optional.empty(), "x"));
    assertThrows(ForbiddenException.class, () -> core.moderation().list(spammer, Optional.empty(), 0, 10));
    assertThrows(InvalidInputException.class,
        () -> core.moderation().ban(admin, spammer.id(), Optional.of(Duration.ZERO), "x"));
  }

  @Test
  void listsBansWithPaging() {
    for (int i = 0; i < 12; i++) core.moderation().ban(admin, TestIds.account(), Optional.empty(), "r" + i);
    var first = core.moderation().list(admin, Optional.empty(), 0, 10);
    assertEquals(10, first.bans().size());
    assertEquals(2, first.remaining());
    var second = core.moderation().list(admin, Optional.empty(), 1, 10);
    assertEquals(2, second.bans().size());
    assertEquals(0, second.remaining());
  }

  @Test
  void aHeldSyncIsAnsweredWithTheBan() throws Exception {
    CompletableFuture<SyncBatch> held = core.sync().sync(new Sync.Command(spammer, core.storage().events().head(),
        Duration.ofSeconds(30), Optional.empty()));
    Await.until(() -> core.syncWaiter().heldCount() == 1, () -> "the sync to be held");
    core.moderation().ban(admin, spammer.id(), Optional.empty(), "gone");
    ExecutionException failure = assertThrows(ExecutionException.class, () -> held.get(30, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof BannedException, String.valueOf(failure.getCause()));
  }

  @Test
  void identicalMessagesBeyondTheThresholdBanAutomatically() {
    for (int i = 0; i < 5; i++) send(spammer, lobby, "BUY GOLD");
    EventId before = storage.events().head();
    BannedException banned = assertThrows(BannedException.class, () -> send(spammer, lobby, "buy  gold "));
    assertEquals(before, storage.events().head(), "the spam message is not stored");
    assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(5))), banned.until());
    Ban ban = storage.bans().find(spammer.id()).orElseThrow();
    assertTrue(ban.automatic());
    assertTrue(ban.reason().contains("automatic"), ban.reason());
  }

  @Test
  void copiesAcrossRoomsCountDouble() {
    send(spammer, lobby, "join my guild");
    send(spammer, other, "join my guild");
    assertThrows(BannedException.class, () -> send(spammer, lobby, "join my guild"));
  }

  @Test
  void differentTextsAndOldCopiesAreNotSpam() {
    for (int i = 0; i < 20; i++) send(spammer, lobby, "message " + i);
    for (int i = 0; i < 5; i++) send(spammer, lobby, "gg");
    clock.advance(Duration.ofSeconds(61));
    for (int i = 0; i < 5; i++) send(spammer, lobby, "gg");
    assertFalse(storage.bans().find(spammer.id()).isPresent());
  }

  @Test
  void theLadderClimbsNeverTurnsPermanentAndDecaysAfterCleanWeeks() {
    Duration[] expected = {Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12),
        Duration.ofDays(3), Duration.ofDays(3)};
    for (Duration length : expected) {
      Instant now = clock.instant();
      for (int i = 0; i < 5; i++) send(spammer, lobby, "spam");
      BannedException banned = assertThrows(BannedException.class, () -> send(spammer, lobby, "spam"));
      assertEquals(Optional.of(now.plus(length)), banned.until());
      clock.advance(length);
    }
    // 6 offences; two clean weeks forgive two of them: the next ban is the 5th step (3 days)...
    clock.advance(Duration.ofDays(14));
    for (int i = 0; i < 5; i++) send(spammer, lobby, "spam");
    Instant now = clock.instant();
    assertEquals(Optional.of(now.plus(Duration.ofDays(3))),
        assertThrows(BannedException.class, () -> send(spammer, lobby, "spam")).until());
    // ...and four clean weeks later (5 offences, 4 forgiven) the next one is the 2nd step again
    clock.advance(Duration.ofDays(3 + 28));
    for (int i = 0; i < 5; i++) send(spammer, lobby, "spam");
    Instant later = clock.instant();
    assertEquals(Optional.of(later.plus(Duration.ofMinutes(30))),
        assertThrows(BannedException.class, () -> send(spammer, lobby, "spam")).until());
  }

  @Test
  void retriesOfOneTransactionAreNotSpam() {
    for (int i = 0; i < 10; i++) {
      core.sendMessage().send(new dev.chatcore.application.message.SendMessage.Command(spammer, lobby, "hello?",
          Optional.empty(), Optional.of("txn-1")));
    }
    assertFalse(storage.bans().find(spammer.id()).isPresent());
  }

  @Test
  void adminsAreNeverAutoBanned() {
    for (int i = 0; i < 20; i++) send(admin, lobby, "event starts now");
    assertFalse(storage.bans().find(admin.id()).isPresent());
  }
}
