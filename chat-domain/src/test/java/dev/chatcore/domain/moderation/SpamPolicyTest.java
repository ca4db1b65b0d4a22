package dev.chatcore.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamPolicyTest {
  private final SpamPolicy policy = SpamPolicy.defaults();

  @Test
  void theLadderClimbsAndStopsAtItsLastStep() {
    assertEquals(Duration.ofMinutes(5), policy.banFor(1));
    assertEquals(Duration.ofMinutes(30), policy.banFor(2));
    assertEquals(Duration.ofDays(3), policy.banFor(5));
    assertEquals(Duration.ofDays(3), policy.banFor(50));
    assertEquals(Duration.ofMinutes(5), policy.banFor(0), "a nonsense count is the first offence");
  }

  @Test
  void aPolicyNeedsAPositiveThresholdAndALadder() {
    assertThrows(IllegalArgumentException.class,
        () -> new SpamPolicy(0, Duration.ofSeconds(1), List.of(Duration.ofSeconds(1)), Duration.ofDays(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new SpamPolicy(1, Duration.ofSeconds(1), List.of(), Duration.ofDays(1)));
  }

  @Test
  void eachCleanDecayPeriodForgivesOneOffence() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Duration decay = policy.decay();
    Offences two = Offences.NONE.plusOne(t, decay).plusOne(t, decay);
    assertEquals(2, two.decayed(t.plus(decay).minusSeconds(1), decay));
    assertEquals(1, two.decayed(t.plus(decay), decay));
    assertEquals(0, two.decayed(t.plus(decay.multipliedBy(5)), decay));
    assertEquals(2, two.plusOne(t.plus(decay), decay).count(), "one forgiven, one added");
  }
}
