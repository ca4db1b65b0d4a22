package dev.chatcore.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamLimitsTest {
  @Test
  void theBuilderStartsFromTheDefaults() {
    StreamLimits d = StreamLimits.builder().build();
    assertEquals(StreamLimits.defaults(), d);
    assertEquals(5, d.perAccount());
    assertEquals(Duration.ofSeconds(15), d.heartbeat());
    assertEquals(Duration.ofMinutes(30), d.lifetime());
    assertEquals(10_000, d.queuedEventsMax());
    assertEquals(1 << 20, d.queuedBytesMax());
    assertEquals(Duration.ofSeconds(30), d.ticketLifetime());
  }

  @Test
  void oneOverrideChangesThatLimitAlone() {
    StreamLimits changed =
        StreamLimits.defaults().toBuilder().lifetime(Duration.ofMinutes(5)).build();
    assertEquals(Duration.ofMinutes(5), changed.lifetime());
    assertEquals(Duration.ofSeconds(15), changed.heartbeat());
    assertEquals(
        StreamLimits.defaults(), changed.toBuilder().lifetime(Duration.ofMinutes(30)).build());
  }

  @Test
  void buildRefusesABadValueWithItsName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StreamLimits.builder().heartbeat(Duration.ZERO).build());
    assertTrue(e.getMessage().contains("heartbeat"), e.getMessage());
  }
}
