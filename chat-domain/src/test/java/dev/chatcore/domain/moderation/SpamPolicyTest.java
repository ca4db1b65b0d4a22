package dev.chatcore.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    assertEquals(Duration.ofMinutes(5), policy.banFor(-3), "a nonsense count is the first offence");
  }

  @Test
  void aOneStepLadderGivesTheSameBanEveryTime() {
    SpamPolicy flat =
        new SpamPolicy(1, Duration.ofSeconds(1), List.of(Duration.ofHours(1)), Duration.ofDays(1));
    assertEquals(Duration.ofHours(1), flat.banFor(1));
    assertEquals(Duration.ofHours(1), flat.banFor(9));
  }

  @Test
  void theLadderIsCopied() {
    List<Duration> steps = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    SpamPolicy copied = new SpamPolicy(1, Duration.ofSeconds(1), steps, Duration.ofDays(1));
    steps.set(0, Duration.ofDays(9));
    steps.add(Duration.ofDays(9));
    assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), copied.ladder());
    assertThrows(UnsupportedOperationException.class, () -> copied.ladder().add(Duration.ZERO));
  }

  @Test
  void aPolicyNeedsAPositiveThresholdAndALadder() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SpamPolicy(
                0, Duration.ofSeconds(1), List.of(Duration.ofSeconds(1)), Duration.ofDays(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SpamPolicy(1, Duration.ofSeconds(1), List.of(), Duration.ofDays(1)));
    assertThrows(
        NullPointerException.class,
        () -> new SpamPolicy(1, null, List.of(Duration.ofSeconds(1)), Duration.ofDays(1)));
    assertThrows(
        NullPointerException.class,
        () -> new SpamPolicy(1, Duration.ofSeconds(1), List.of(Duration.ofSeconds(1)), null));
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

  @Test
  void aCleanRecordStaysClean() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(0, Offences.NONE.decayed(t, policy.decay()));
    assertEquals(1, Offences.NONE.plusOne(t, policy.decay()).count());
    assertEquals(0, new Offences(0, Optional.of(t)).decayed(t, policy.decay()));
  }

  @Test
  void aZeroDecayForgivesOneOffencePerMillisecond() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Offences three = new Offences(3, Optional.of(t));
    assertEquals(3, three.decayed(t, Duration.ZERO));
    assertEquals(1, three.decayed(t.plusMillis(2), Duration.ZERO));
  }
}
