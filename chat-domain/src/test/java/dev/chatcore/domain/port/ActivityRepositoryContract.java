package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ActivityRepository} must have. */
public abstract class ActivityRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract ActivityRepository newActivityRepository();

  @Test
  void touchKeepsTheLatestTime() {
    ActivityRepository activity = newActivityRepository();
    AccountId a = TestIds.account();
    activity.touch(a, T0.plusSeconds(10));
    activity.touch(a, T0); // older: ignored
    assertEquals(Optional.of(T0.plusSeconds(10)), activity.lastActive(a));
  }

  @Test
  void listsIdleAccountsLeastRecentFirst() {
    ActivityRepository activity = newActivityRepository();
    AccountId old = TestIds.account();
    AccountId older = TestIds.account();
    AccountId fresh = TestIds.account();
    activity.touch(old, T0.plusSeconds(5));
    activity.touch(older, T0);
    activity.touch(fresh, T0.plusSeconds(60));
    assertEquals(List.of(older, old), activity.idleSince(T0.plusSeconds(60), 10));
    assertEquals(List.of(older), activity.idleSince(T0.plusSeconds(60), 1));
  }

  @Test
  void forgetsOnlyWhileStillIdle() {
    ActivityRepository activity = newActivityRepository();
    AccountId a = TestIds.account();
    activity.touch(a, T0);
    activity.touch(a, T0.plusSeconds(100)); // came back
    assertFalse(activity.forgetIfIdle(a, T0.plusSeconds(50)));
    assertTrue(activity.lastActive(a).isPresent());
    assertTrue(activity.forgetIfIdle(a, T0.plusSeconds(101)));
    assertEquals(Optional.empty(), activity.lastActive(a));
    assertFalse(activity.forgetIfIdle(a, T0.plusSeconds(101)));
  }
}
