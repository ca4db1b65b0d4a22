package dev.chatcore.application.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic bans for identical-message spam ({@link SpamGuard}) and their ladder ({@link
 * AutomaticBans}), on every storage.
 */
public abstract class SpamBansContract extends CoreFixture {
  private final Caller spammer = Caller.player(TestIds.account(), "spammer");
  private RoomId lobby;
  private RoomId other;

  @BeforeEach
  void rooms() {
    lobby = channel("lobby");
    other = channel("other");
  }

  private void send(Caller who, RoomId room, String text) {
    core.sendMessage()
        .send(new SendMessage.Command(who, room, text, Optional.empty(), Optional.empty()));
  }

  @Test
  void identicalMessagesBeyondTheThresholdBanAutomatically() {
    for (int i = 0; i < 5; i++) send(spammer, lobby, "BUY GOLD");
    EventId before = storage.events().head();
    BannedException banned =
        assertThrows(BannedException.class, () -> send(spammer, lobby, "buy  gold "));
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
    Duration[] expected = {
      Duration.ofMinutes(5),
      Duration.ofMinutes(30),
      Duration.ofHours(2),
      Duration.ofHours(12),
      Duration.ofDays(3),
      Duration.ofDays(3)
    };
    for (Duration length : expected) {
      Instant now = clock.instant();
      for (int i = 0; i < 5; i++) send(spammer, lobby, "spam");
      BannedException banned =
          assertThrows(BannedException.class, () -> send(spammer, lobby, "spam"));
      assertEquals(Optional.of(now.plus(length)), banned.until());
      clock.advance(length);
    }
    // 6 offences; two clean weeks forgive two of them: the next ban is the 5th step (3 days)...
    clock.advance(Duration.ofDays(14));
    for (int i = 0; i < 5; i++) send(spammer, lobby, "spam");
    Instant now = clock.instant();
    assertEquals(
        Optional.of(now.plus(Duration.ofDays(3))),
        assertThrows(BannedException.class, () -> send(spammer, lobby, "spam")).until());
    // ...and four clean weeks later (5 offences, 4 forgiven) the next one is the 2nd step again
    clock.advance(Duration.ofDays(3 + 28));
    for (int i = 0; i < 5; i++) send(spammer, lobby, "spam");
    Instant later = clock.instant();
    assertEquals(
        Optional.of(later.plus(Duration.ofMinutes(30))),
        assertThrows(BannedException.class, () -> send(spammer, lobby, "spam")).until());
  }

  @Test
  void retriesOfOneTransactionAreNotSpam() {
    for (int i = 0; i < 10; i++) {
      core.sendMessage()
          .send(
              new SendMessage.Command(
                  spammer, lobby, "hello?", Optional.empty(), Optional.of("txn-1")));
    }
    assertFalse(storage.bans().find(spammer.id()).isPresent());
  }

  @Test
  void adminsAreNeverAutoBanned() {
    for (int i = 0; i < 20; i++) send(admin, lobby, "event starts now");
    assertFalse(storage.bans().find(admin.id()).isPresent());
  }
}
