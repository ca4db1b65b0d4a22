package dev.chatcore.application.retention;

import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/**
 * Applies the retention table ({@link Retention}, SPEC §5) to the store, rule by rule, each in
 * batches of at most {@code batchSize} deletions per storage call (so no call holds the store
 * long), and touches nothing outside its rules. Idempotent: running it twice in a row deletes
 * nothing the second time. Safe to run while the service serves (every deletion is conditional in
 * the store) and on several nodes at once (a deletion that lost a race counts nothing).
 *
 * <p>Rules, in the order they run (the names are the keys of {@link Run#removed()}):
 *
 * <ul>
 *   <li>{@code expiredEvents}: messages past the expiry they got at send time (global 2 weeks, DM 1
 *       month, private and channel 3 months, broadcasts 2 weeks or as set) and lapsed typing
 *       notices;
 *   <li>{@code globalRoomOverflow}: messages of a global room beyond its newest {@link
 *       Retention#globalRoomMessagesMax()};
 *   <li>{@code dmRoomsClosed} and {@code dmMessages}: DM rooms without a message for {@link
 *       Retention#dmIdle()} (a room that never had one counts from its creation) or with fewer than
 *       2 members are closed ({@code m.room.deleted}, the member set may start a new room) and
 *       their messages deleted;
 *   <li>{@code announcements}: expired announcements;
 *   <li>{@code hackedMessages}: "hacked" messages older than {@link Retention#hackedMessages()};
 *   <li>{@code reportsNew}, {@code reportsMild}, {@code reportsSevere}: reports by status and age
 *       (Permanent reports are kept);
 *   <li>{@code bans}: bans that ended (the offence record behind the spam ladder stays);
 *   <li>{@code tombstones}: deleted rooms whose deletion is older than {@link
 *       Retention#tombstones()} (a day), with their reactions, receipts and membership records; a
 *       sync whose cursor is older than that no longer gets their {@code m.room.deleted}.
 *   <li>{@code toDeviceSends}: to-device sends past their lifetime, delivered or not (a device that
 *       never synced again); with them goes the memory of their transaction ids.
 * </ul>
 */
public final class Janitor {
  public static final int DEFAULT_BATCH = 500;

  /** The janitor's own account, the sender of the {@code m.room.deleted} of rooms it closes. */
  public static final AccountId JANITOR = new AccountId("000000000000000000000000");

  private static final Logger LOG = Logger.getLogger(Janitor.class.getName());

  /** What one run removed, per rule, in run order. */
  public record Run(Map<String, Long> removed) {
    public Run {
      removed = Collections.unmodifiableMap(new LinkedHashMap<>(removed));
    }

    public long removed(String rule) {
      return removed.getOrDefault(rule, 0L);
    }

    public long total() {
      return removed.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final EventLog events;
  private final RoomRepository rooms;
  private final MembershipRepository memberships;
  private final AnnouncementRepository announcements;
  private final HackedMessageRepository hackedMessages;
  private final ReportRepository reports;
  private final BanRepository bans;
  private final ReactionRepository reactions;
  private final ReceiptRepository receipts;
  private final ToDeviceInbox toDeviceInbox;
  private final Retention retention;
  private final RoomDeletion deletion;
  private final Clock clock;

  @Inject
  public Janitor(
      EventLog events,
      RoomRepository rooms,
      MembershipRepository memberships,
      AnnouncementRepository announcements,
      HackedMessageRepository hackedMessages,
      ReportRepository reports,
      BanRepository bans,
      ReactionRepository reactions,
      ReceiptRepository receipts,
      ToDeviceInbox toDeviceInbox,
      Retention retention,
      RoomDeletion deletion,
      Clock clock) {
    this.events = events;
    this.rooms = rooms;
    this.memberships = memberships;
    this.announcements = announcements;
    this.hackedMessages = hackedMessages;
    this.reports = reports;
    this.bans = bans;
    this.reactions = reactions;
    this.receipts = receipts;
    this.toDeviceInbox = toDeviceInbox;
    this.retention = retention;
    this.deletion = deletion;
    this.clock = clock;
  }

  /** One run with {@link #DEFAULT_BATCH}. */
  public Run run() {
    return run(DEFAULT_BATCH);
  }

  /**
   * Runs every rule once, against the clock's current time, and logs what each removed.
   *
   * @param batchSize most deletions per storage call (at least 1)
   */
  public Run run(int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
    Instant now = clock.instant();
    Map<String, Long> removed = new LinkedHashMap<>();
    removed.put("expiredEvents", events.purgeExpired(now));
    removed.put("globalRoomOverflow", trimGlobalRooms(batchSize));
    long[] dm = closeDmRooms(now, batchSize);
    removed.put("dmRoomsClosed", dm[0]);
    removed.put("dmMessages", dm[1]);
    removed.put(
        "announcements", drain(() -> announcements.purgeExpired(now, batchSize), batchSize));
    removed.put("hackedMessages", (long) hackedMessages.purgeBefore(retention.hackedCutoff(now)));
    for (ReportStatus status : List.of(ReportStatus.NEW, ReportStatus.MILD, ReportStatus.SEVERE)) {
      Instant cutoff = retention.reportCutoff(status, now).orElseThrow();
      removed.put(
          reportRule(status), drain(() -> reports.purge(status, cutoff, batchSize), batchSize));
    }
    removed.put("bans", drain(() -> bans.purgeExpired(now, batchSize), batchSize));
    removed.put("tombstones", purgeTombstones(now.minus(retention.tombstones())));
    removed.put("toDeviceSends", toDeviceInbox.purgeExpired(now));
    Run run = new Run(removed);
    LOG.info(() -> "janitor removed " + run.total() + ": " + run.removed());
    return run;
  }

  static String reportRule(ReportStatus status) {
    return switch (status) {
      case NEW -> "reportsNew";
      case MILD -> "reportsMild";
      case SEVERE -> "reportsSevere";
      case PERMANENT -> "reportsPermanent";
    };
  }

  /** Calls a batched deletion until a batch comes back short. */
  private static long drain(IntSupplier batch, int batchSize) {
    long total = 0;
    while (true) {
      int n = batch.getAsInt();
      total += n;
      if (n < batchSize) return total;
    }
  }

  private long trimGlobalRooms(int batchSize) {
    int keep = retention.globalRoomMessagesMax();
    long total = 0;
    for (Room room : rooms.listByType(RoomType.GLOBAL)) {
      List<Event> newest =
          events.readMessages(room.id(), Optional.empty(), Direction.BACKWARD, keep + 1);
      if (newest.size() <= keep) continue;
      EventId cut = newest.get(keep).id();
      total += drain(() -> events.deleteMessages(room.id(), cut, batchSize), batchSize);
    }
    return total;
  }

  private long purgeTombstones(Instant deletedBefore) {
    long purged = 0;
    for (RoomType type : RoomType.values()) {
      for (Room room : rooms.listDeletedAfter(type, EventId.ORIGIN)) {
        Optional<Instant> deletedAt = room.deletedAt().flatMap(events::find).map(Event::originTs);
        if (deletedAt.filter(t -> t.isAfter(deletedBefore)).isPresent()) continue;
        reactions.deleteRoom(room.id());
        receipts.deleteRoom(room.id());
        memberships.deleteRoom(room.id());
        if (rooms.purgeTombstone(room.id())) purged++;
      }
    }
    return purged;
  }

  /**
   * @return rooms closed and messages deleted
   */
  private long[] closeDmRooms(Instant now, int batchSize) {
    Instant idleBefore = now.minus(retention.dmIdle());
    long closed = 0;
    long messages = 0;
    for (Room room : rooms.listByType(RoomType.DM)) {
      boolean fewMembers = memberships.count(room.id(), MemberState.JOINED) < 2;
      Instant lastActivity =
          events.readMessages(room.id(), Optional.empty(), Direction.BACKWARD, 1).stream()
              .map(Event::originTs)
              .findFirst()
              .orElse(room.createdAt());
      if (!fewMembers && lastActivity.isAfter(idleBefore)) continue;
      Event deleted;
      try {
        // as every deletion: the tombstone is stored before the deletion can be read
        deleted = deletion.delete(room, JANITOR);
      } catch (NotFoundException e) {
        continue; // deleted meanwhile (its last member left): nothing left to close
      }
      closed++;
      EventId upTo = deleted.id();
      messages += drain(() -> events.deleteMessages(room.id(), upTo, batchSize), batchSize);
    }
    return new long[] {closed, messages};
  }
}
