package dev.chatcore.application.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.Await;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Service-wide bans by admins, on every storage: issued ({@link BanAccount}), lifted ({@link
 * UnbanAccount}), listed ({@link ListBans}) and read back as history ({@link ReadBanHistory}).
 */
public abstract class BansContract extends CoreFixture {
  private final Caller spammer = Caller.player(TestIds.account(), "spammer");

  private Ban ban(Caller by, Caller target, Optional<Duration> duration, String reason) {
    return core.banAccount().ban(new BanAccount.Command(by, target.id(), duration, reason));
  }

  private void unban(Caller target) {
    core.unbanAccount().unban(new UnbanAccount.Command(admin, target.id()));
  }

  private BanPage list(Caller by, int page) {
    return core.listBans().list(new ListBans.Query(by, Optional.empty(), page, 10));
  }

  @Test
  void bannedAccountIsRefusedUntilTheBanEndsOrIsLifted() {
    Ban ban = ban(admin, spammer, Optional.of(Duration.ofMinutes(10)), "rude");
    assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(10))), ban.until());
    BannedException refused =
        assertThrows(BannedException.class, () -> core.banGate().requireNotBanned(spammer.id()));
    assertEquals("rude", refused.reason());
    assertEquals(ban.until(), refused.until());
    clock.advance(Duration.ofMinutes(10));
    core.banGate().requireNotBanned(spammer.id());
    ban(admin, spammer, Optional.empty(), "for good");
    assertEquals(
        Optional.empty(),
        assertThrows(BannedException.class, () -> core.banGate().requireNotBanned(spammer.id()))
            .until());
    unban(spammer);
    core.banGate().requireNotBanned(spammer.id());
    assertThrows(NotFoundException.class, () -> unban(spammer));
  }

  @Test
  void onlyAdminsBanAndDurationsArePositive() {
    assertThrows(ForbiddenException.class, () -> ban(spammer, admin, Optional.empty(), "x"));
    assertThrows(ForbiddenException.class, () -> list(spammer, 0));
    assertThrows(
        InvalidInputException.class, () -> ban(admin, spammer, Optional.of(Duration.ZERO), "x"));
  }

  @Test
  void listsBansWithPaging() {
    for (int i = 0; i < 12; i++)
      ban(admin, Caller.player(TestIds.account(), "p" + i), Optional.empty(), "r" + i);
    BanPage first = list(admin, 0);
    assertEquals(10, first.bans().size());
    assertEquals(2, first.remaining());
    BanPage second = list(admin, 1);
    assertEquals(2, second.bans().size());
    assertEquals(0, second.remaining());
  }

  @Test
  void listsTheOneBanOfAnAccount() {
    ban(admin, Caller.player(TestIds.account(), "other"), Optional.empty(), "other");
    Ban mine = ban(admin, spammer, Optional.empty(), "mine");
    BanPage page =
        core.listBans().list(new ListBans.Query(admin, Optional.of(spammer.id()), 0, 10));
    assertEquals(List.of(mine), page.bans());
    assertEquals(0, page.remaining());
    assertThrows(
        InvalidInputException.class,
        () -> core.listBans().list(new ListBans.Query(admin, Optional.of(spammer.id()), -1, 10)));
  }

  @Test
  void historyKeepsLiftedAndReplacedBansNewestFirst() {
    Ban first = ban(admin, spammer, Optional.of(Duration.ofMinutes(10)), "first");
    clock.advance(Duration.ofMinutes(1));
    Ban second = ban(admin, spammer, Optional.empty(), "second");
    unban(spammer);
    BanHistory history = core.readBanHistory().read(new ReadBanHistory.Query(admin, spammer.id()));
    assertEquals(List.of(second, first), history.bans());
    assertEquals(Optional.empty(), history.current(), "lifted");
    assertEquals(0, history.offences().count(), "no automatic ban");
    assertThrows(
        ForbiddenException.class,
        () -> core.readBanHistory().read(new ReadBanHistory.Query(spammer, spammer.id())));
  }

  @Test
  void aHeldSyncIsAnsweredWithTheBan() throws Exception {
    CompletableFuture<SyncBatch> held =
        core.sync()
            .sync(
                new Sync.Command(
                    spammer, storage.events().head(), Duration.ofSeconds(30), Optional.empty()));
    Await.until(() -> core.syncWaiter().heldCount() == 1, () -> "the sync to be held");
    ban(admin, spammer, Optional.empty(), "gone");
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> held.get(30, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof BannedException, String.valueOf(failure.getCause()));
  }
}
