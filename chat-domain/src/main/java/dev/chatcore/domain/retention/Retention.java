package dev.chatcore.domain.retention;

import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.room.RoomType;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the core keeps what it stores (SPEC §5, the Chat V2 retention table). Messages get their
 * expiry at send time from this table (stored with the event); the janitor applies the rules that
 * depend on the state of the store (counts per room, idle rooms, report status). "N months" are
 * calendar months in UTC, "N weeks" 7·N days, as in Chat V2.
 *
 * @param globalMessages age of messages in global rooms
 * @param globalRoomMessagesMax messages a global room keeps at most (older ones are purged)
 * @param dmMessages age of messages in DM rooms
 * @param privateMessages age of messages in private (admin-managed) rooms
 * @param channelMessages age of messages in {@code /v1} channels
 * @param broadcasts age of admin broadcasts and announcements without an explicit expiration
 * @param dmIdle a DM room without any message for this long is closed
 * @param hackedMessages age of messages flagged "hacked"
 * @param newReports age of reports still New
 * @param mildReports age of Mild reports
 * @param severeReports age of Severe reports (Permanent reports are kept)
 * @param tombstones how long a deleted room's tombstone (and its receipts, reactions and membership
 *     records) is kept so that syncs behind it still learn of the deletion
 */
public record Retention(
    Period globalMessages,
    int globalRoomMessagesMax,
    Period dmMessages,
    Period privateMessages,
    Period channelMessages,
    Period broadcasts,
    Duration dmIdle,
    Period hackedMessages,
    Period newReports,
    Period mildReports,
    Period severeReports,
    Duration tombstones) {

  public Retention {
    Objects.requireNonNull(globalMessages, "globalMessages");
    Objects.requireNonNull(dmMessages, "dmMessages");
    Objects.requireNonNull(privateMessages, "privateMessages");
    Objects.requireNonNull(channelMessages, "channelMessages");
    Objects.requireNonNull(broadcasts, "broadcasts");
    Objects.requireNonNull(dmIdle, "dmIdle");
    Objects.requireNonNull(hackedMessages, "hackedMessages");
    Objects.requireNonNull(newReports, "newReports");
    Objects.requireNonNull(mildReports, "mildReports");
    Objects.requireNonNull(severeReports, "severeReports");
    Objects.requireNonNull(tombstones, "tombstones");
    if (globalRoomMessagesMax < 1)
      throw new IllegalArgumentException("globalRoomMessagesMax must be at least 1");
  }

  /** The table of SPEC §5. */
  public static Retention defaults() {
    return new Retention(
        Period.ofWeeks(2),
        200,
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

  /** When a message sent at {@code now} into a room of {@code type} expires. */
  public Instant messageExpiry(RoomType type, Instant now) {
    Period keep =
        switch (type) {
          case GLOBAL -> globalMessages;
          case DM -> dmMessages;
          case PRIVATE -> privateMessages;
          case CHANNEL -> channelMessages;
        };
    return plus(now, keep);
  }

  /** When a broadcast or announcement sent at {@code now} expires unless the admin set a time. */
  public Instant broadcastExpiry(Instant now) {
    return plus(now, broadcasts);
  }

  /** Reports of {@code status} created before the returned instant are purged; empty: kept. */
  public Optional<Instant> reportCutoff(ReportStatus status, Instant now) {
    return switch (status) {
      case NEW -> Optional.of(minus(now, newReports));
      case MILD -> Optional.of(minus(now, mildReports));
      case SEVERE -> Optional.of(minus(now, severeReports));
      case PERMANENT -> Optional.empty();
    };
  }

  /** Hacked messages created before the returned instant are purged. */
  public Instant hackedCutoff(Instant now) {
    return minus(now, hackedMessages);
  }

  public static Instant plus(Instant t, Period p) {
    return t.atOffset(ZoneOffset.UTC).plus(p).toInstant();
  }

  public static Instant minus(Instant t, Period p) {
    return t.atOffset(ZoneOffset.UTC).minus(p).toInstant();
  }
}
