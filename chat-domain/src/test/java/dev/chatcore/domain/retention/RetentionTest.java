package dev.chatcore.domain.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.room.RoomType;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private final Retention table = Retention.defaults();
  private final Instant jan31 = Instant.parse("2026-01-31T12:00:00Z");

  @Test
  void messagesExpireByRoomTypeInCalendarMonthsAndWeeks() {
    assertEquals(
        Instant.parse("2026-02-14T12:00:00Z"), table.messageExpiry(RoomType.GLOBAL, jan31));
    assertEquals(
        Instant.parse("2026-02-28T12:00:00Z"),
        table.messageExpiry(RoomType.DM, jan31),
        "month end clamps");
    assertEquals(
        Instant.parse("2026-04-30T12:00:00Z"), table.messageExpiry(RoomType.PRIVATE, jan31));
    assertEquals(
        Instant.parse("2026-04-30T12:00:00Z"), table.messageExpiry(RoomType.CHANNEL, jan31));
    assertEquals(Instant.parse("2026-02-14T12:00:00Z"), table.broadcastExpiry(jan31));
  }

  @Test
  void reportsAreKeptByStatusAndPermanentOnesForever() {
    assertEquals(
        Optional.of(Instant.parse("2025-12-31T12:00:00Z")),
        table.reportCutoff(ReportStatus.NEW, jan31));
    assertEquals(
        Optional.of(Instant.parse("2026-01-17T12:00:00Z")),
        table.reportCutoff(ReportStatus.MILD, jan31));
    assertEquals(
        Optional.of(Instant.parse("2025-10-31T12:00:00Z")),
        table.reportCutoff(ReportStatus.SEVERE, jan31));
    assertEquals(Optional.empty(), table.reportCutoff(ReportStatus.PERMANENT, jan31));
    assertEquals(Instant.parse("2026-01-17T12:00:00Z"), table.hackedCutoff(jan31));
  }

  @Test
  void monthsFollowTheCalendarInUtc() {
    Instant leapDay = Instant.parse("2028-02-29T23:30:00Z");
    assertEquals(Instant.parse("2028-03-29T23:30:00Z"), table.messageExpiry(RoomType.DM, leapDay));
    assertEquals(
        Instant.parse("2027-02-28T23:30:00Z"),
        Retention.plus(leapDay, Period.ofYears(-1)),
        "clamps");
    assertEquals(
        Instant.parse("2028-01-29T23:30:00Z"),
        table.reportCutoff(ReportStatus.NEW, leapDay).orElseThrow());
    assertEquals(
        leapDay, Retention.minus(Retention.plus(leapDay, Period.ofWeeks(2)), Period.ofWeeks(2)));
  }

  @Test
  void aGlobalRoomKeepsAtLeastOneMessage() {
    assertThrows(IllegalArgumentException.class, () -> withGlobalRoomMax(0));
    assertEquals(1, withGlobalRoomMax(1).globalRoomMessagesMax());
  }

  private static Retention withGlobalRoomMax(int max) {
    return new Retention(
        Period.ofWeeks(2),
        max,
        Period.ofMonths(1),
        Period.ofMonths(3),
        Period.ofMonths(3),
        Period.ofWeeks(2),
        Duration.ofDays(7),
        Period.ofWeeks(2),
        Period.ofMonths(1),
        Period.ofWeeks(2),
        Period.ofMonths(3),
        Duration.ofDays(1));
  }
}
