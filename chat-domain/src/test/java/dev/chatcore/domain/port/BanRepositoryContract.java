package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.moderation.Offences;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link BanRepository} must have. */
public abstract class BanRepositoryContract {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract BanRepository newBanRepository();

  private static Ban ban(AccountId id, Optional<Instant> until, String reason) {
    return new Ban(id, until, reason, false, T, Optional.of(TestIds.account()));
  }

  @Test
  void putReplacesFindAndRemove() {
    BanRepository bans = newBanRepository();
    AccountId a = TestIds.account();
    bans.put(ban(a, Optional.of(T.plusSeconds(60)), "first"));
    bans.put(ban(a, Optional.empty(), "second"));
    assertEquals("second", bans.find(a).orElseThrow().reason());
    assertEquals(Optional.empty(), bans.find(a).orElseThrow().until());
    assertEquals(1, bans.count());
    assertTrue(bans.remove(a));
    assertFalse(bans.remove(a));
    assertEquals(Optional.empty(), bans.find(a));
  }

  @Test
  void listsPagesByAccountId() {
    BanRepository bans = newBanRepository();
    AccountId a = new AccountId("000000000000000000000c01");
    AccountId b = new AccountId("000000000000000000000c02");
    AccountId c = new AccountId("000000000000000000000c03");
    bans.put(ban(c, Optional.empty(), "c"));
    bans.put(ban(a, Optional.empty(), "a"));
    bans.put(ban(b, Optional.empty(), "b"));
    assertEquals(List.of(a, b), bans.list(0, 2).stream().map(Ban::account).toList());
    assertEquals(List.of(c), bans.list(2, 2).stream().map(Ban::account).toList());
    assertEquals(3, bans.count());
  }

  @Test
  void keepsOffencesApartFromBans() {
    BanRepository bans = newBanRepository();
    AccountId a = TestIds.account();
    assertEquals(Offences.NONE, bans.offences(a));
    Offences two = new Offences(2, Optional.of(T));
    bans.putOffences(a, two);
    bans.put(ban(a, Optional.of(T.plusSeconds(1)), "x"));
    bans.remove(a);
    assertEquals(two, bans.offences(a));
  }

  @Test
  void purgeExpiredDeletesEndedBansOnlyAndKeepsOffences() {
    BanRepository bans = newBanRepository();
    AccountId ended = TestIds.account();
    AccountId endsNow = TestIds.account();
    AccountId running = TestIds.account();
    AccountId permanent = TestIds.account();
    bans.put(ban(ended, Optional.of(T.minusSeconds(1)), "a"));
    bans.put(ban(endsNow, Optional.of(T), "b"));
    bans.put(ban(running, Optional.of(T.plusSeconds(1)), "c"));
    bans.put(ban(permanent, Optional.empty(), "d"));
    Offences offences = bans.offences(ended);
    assertEquals(1, bans.purgeExpired(T, 1));
    assertEquals(1, bans.purgeExpired(T, 10));
    assertEquals(0, bans.purgeExpired(T, 10));
    assertTrue(bans.find(ended).isEmpty());
    assertTrue(bans.find(endsNow).isEmpty());
    assertTrue(bans.find(running).isPresent());
    assertTrue(bans.find(permanent).isPresent());
    assertEquals(offences, bans.offences(ended));
  }

  @Test
  void historyKeepsEveryBanPutNewestFirstThroughReplaceRemoveAndPurge() {
    BanRepository bans = newBanRepository();
    AccountId a = TestIds.account();
    AccountId other = TestIds.account();
    Ban first = new Ban(a, Optional.of(T.plusSeconds(60)), "first", true, T, Optional.empty());
    Ban second =
        new Ban(
            a,
            Optional.of(T.plusSeconds(120)),
            "second",
            false,
            T.plusSeconds(10),
            Optional.of(other));
    Ban third = new Ban(a, Optional.empty(), "third", false, T.plusSeconds(10), Optional.of(other));
    bans.put(first);
    bans.put(second);
    bans.put(ban(other, Optional.empty(), "someone else"));
    assertTrue(bans.remove(a));
    bans.put(third);
    assertEquals(
        List.of(third, second, first),
        bans.history(a, 10),
        "newest first; one instant: last put first");
    assertEquals(List.of(third, second), bans.history(a, 2));
    bans.remove(a);
    bans.purgeExpired(T.plusSeconds(1000), 10);
    assertEquals(3, bans.history(a, 10).size(), "lifting or purging a ban keeps its history");
    assertEquals(List.of(), bans.history(TestIds.account(), 10));
  }
}
