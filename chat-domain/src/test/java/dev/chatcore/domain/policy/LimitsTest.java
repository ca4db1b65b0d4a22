package dev.chatcore.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsTest {
  @Test
  void theBuilderStartsFromTheSpecificationDefaults() {
    Limits d = Limits.builder().build();
    assertEquals(Limits.defaults(), d);
    assertEquals(64 * 1024, d.requestBodyMaxBytes());
    assertEquals(4000, d.messageTextMaxChars());
    assertEquals(Duration.ofSeconds(30), d.syncTimeoutDefault());
    assertEquals(Duration.ofSeconds(1), d.syncTimeoutMin());
    assertEquals(Duration.ofSeconds(60), d.syncTimeoutMax());
    assertEquals(100, d.globalRoomCapacity());
    assertEquals(150, d.globalRoomOverflowCapacity());
    assertEquals(20, d.rateLimitPerSecond());
    assertEquals(40, d.rateLimitBurst());
    assertEquals(StreamLimits.defaults(), d.streams());
  }

  @Test
  void oneOverrideChangesThatLimitAlone() {
    Limits changed = Limits.defaults().toBuilder().syncTimeoutMax(Duration.ofSeconds(90)).build();
    assertEquals(Duration.ofSeconds(90), changed.syncTimeoutMax());
    assertEquals(
        Limits.defaults(), changed.toBuilder().syncTimeoutMax(Duration.ofSeconds(60)).build());
  }

  @Test
  void toBuilderKeepsEveryLimit() {
    Limits custom =
        Limits.builder()
            .messageTextMaxChars(500)
            .historyLimitMax(300)
            .dmMembersMax(5)
            .streams(StreamLimits.defaults().withPerAccount(2))
            .build();
    assertEquals(custom, custom.toBuilder().build());
  }

  @Test
  void theNamedChangesAreTheBuilders() {
    Limits d = Limits.defaults();
    assertEquals(
        d.toBuilder().rateLimitPerSecond(7).rateLimitBurst(9).build(), d.withRateLimit(7, 9));
    assertEquals(
        d.toBuilder()
            .globalRoomCapacity(3)
            .globalRoomOverflowCapacity(5)
            .privateRoomCapacity(8)
            .build(),
        d.withRoomCapacities(3, 5, 8));
  }

  @Test
  void buildRefusesABadValueWithItsName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Limits.builder().messageTextMaxChars(0).build());
    assertTrue(e.getMessage().contains("messageTextMaxChars"), e.getMessage());
  }

  @Test
  void buildChecksLimitsTogetherWhateverTheOrderTheyWereSet() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Limits.builder().globalRoomCapacity(200).build(),
        "the default overflow capacity (150) is below 200");
    assertEquals(
        200,
        Limits.builder()
            .globalRoomCapacity(200)
            .globalRoomOverflowCapacity(250)
            .build()
            .globalRoomCapacity());
    assertThrows(
        IllegalArgumentException.class,
        () -> Limits.builder().syncTimeoutDefault(Duration.ofSeconds(61)).build(),
        "default above max");
    assertThrows(
        IllegalArgumentException.class,
        () -> Limits.builder().syncBatchMax(20_000).build(),
        "a stream queue below one batch");
  }
}
