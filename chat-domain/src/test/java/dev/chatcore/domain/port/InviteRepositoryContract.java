package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.invite.Invite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link InviteRepository} must have. */
public abstract class InviteRepositoryContract {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract InviteRepository newInviteRepository();

  private static Invite invite(String code, int uses) {
    return new Invite(code, uses, NOW.plusSeconds(3600), false, false, Optional.empty(), NOW);
  }

  @Test
  void redeemUsesTheCodeUntilItIsUsedUp() {
    InviteRepository invites = newInviteRepository();
    invites.save(invite("c0de00000000000000000001", 2));
    assertEquals(2, invites.redeem("c0de00000000000000000001", NOW).orElseThrow().usesLeft());
    assertEquals(1, invites.redeem("c0de00000000000000000001", NOW).orElseThrow().usesLeft());
    assertEquals(Optional.empty(), invites.redeem("c0de00000000000000000001", NOW));
    assertEquals(0, invites.find("c0de00000000000000000001").orElseThrow().usesLeft());
  }

  @Test
  void expiredRevokedAndUnknownCodesAreNotRedeemed() {
    InviteRepository invites = newInviteRepository();
    invites.save(invite("c0de00000000000000000002", 5));
    assertEquals(
        Optional.empty(), invites.redeem("c0de00000000000000000002", NOW.plusSeconds(3600)));
    assertTrue(invites.revoke("c0de00000000000000000002"));
    assertEquals(Optional.empty(), invites.redeem("c0de00000000000000000002", NOW));
    assertEquals(Optional.empty(), invites.redeem("c0de0000000000000000ffff", NOW));
    assertFalse(invites.revoke("c0de0000000000000000ffff"));
  }

  @Test
  void listsNewestFirst() {
    InviteRepository invites = newInviteRepository();
    invites.save(invite("c0de00000000000000000003", 1));
    invites.save(
        new Invite(
            "c0de00000000000000000004",
            1,
            NOW.plusSeconds(7200),
            false,
            false,
            Optional.empty(),
            NOW.plusSeconds(10)));
    assertEquals(
        List.of("c0de00000000000000000004", "c0de00000000000000000003"),
        invites.list().stream().map(Invite::code).toList());
  }

  @Test
  void concurrentRedemptionsNeverExceedTheUses() throws Exception {
    InviteRepository invites = newInviteRepository();
    invites.save(invite("c0de00000000000000000005", 3));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tries.add(
          pool.submit(
              () -> {
                go.await();
                return invites.redeem("c0de00000000000000000005", NOW).isPresent();
              }));
    }
    go.countDown();
    int redeemed = 0;
    for (Future<Boolean> t : tries) if (t.get(30, TimeUnit.SECONDS)) redeemed++;
    pool.shutdown();
    assertEquals(3, redeemed);
  }
}
