package dev.chatcore.domain.chat;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A player report of one message, with a snapshot of the conversation around it. One report per
 * message; repeat reports merge into it ({@link #mergedWith}).
 *
 * @param reporterIds every distinct reporter, first reporter first
 * @param reportedCount every report call counts, repeats by the same player included
 * @param log at most {@link #WINDOW} messages before and after the reported one, oldest first
 * @param reviewedBy the admin who last changed the status or note; empty until reviewed
 * @param claims for an end-to-end encrypted message, what reporters say it said (one per reporter,
 *     the latest), unverified
 */
public record Report(
    String id,
    EventId message,
    RoomId room,
    AccountId firstReporter,
    List<AccountId> reporterIds,
    long reportedCount,
    List<ReportedMessage> log,
    ReportStatus status,
    Optional<String> adminNote,
    Instant createdAt,
    Optional<AccountId> reviewedBy,
    List<PlaintextClaim> claims) {
  /** Messages kept on each side of the reported one. */
  public static final int WINDOW = 25;

  /**
   * The reporter of automatic reports (a message the content filter flagged). The id is reserved:
   * the authentication service must not give it to a player, or that player's reports would read as
   * the filter's.
   */
  public static final AccountId SYSTEM_REPORTER = new AccountId("000000000000000000000000");

  /** A report without plaintext claims. */
  public Report(
      String id,
      EventId message,
      RoomId room,
      AccountId firstReporter,
      List<AccountId> reporterIds,
      long reportedCount,
      List<ReportedMessage> log,
      ReportStatus status,
      Optional<String> adminNote,
      Instant createdAt,
      Optional<AccountId> reviewedBy) {
    this(
        id,
        message,
        room,
        firstReporter,
        reporterIds,
        reportedCount,
        log,
        status,
        adminNote,
        createdAt,
        reviewedBy,
        List.of());
  }

  /** A report nobody reviewed yet. */
  public Report(
      String id,
      EventId message,
      RoomId room,
      AccountId firstReporter,
      List<AccountId> reporterIds,
      long reportedCount,
      List<ReportedMessage> log,
      ReportStatus status,
      Optional<String> adminNote,
      Instant createdAt) {
    this(
        id,
        message,
        room,
        firstReporter,
        reporterIds,
        reportedCount,
        log,
        status,
        adminNote,
        createdAt,
        Optional.empty());
  }

  public Report {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(firstReporter, "firstReporter");
    reporterIds = List.copyOf(reporterIds);
    log = List.copyOf(log);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(adminNote, "adminNote");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(reviewedBy, "reviewedBy");
    claims = List.copyOf(claims);
  }

  /** This report after an admin's review: only status, note and reviewer change. */
  public Report reviewed(ReportStatus newStatus, Optional<String> newNote, AccountId reviewer) {
    return new Report(
        id,
        message,
        room,
        firstReporter,
        reporterIds,
        reportedCount,
        log,
        newStatus,
        newNote,
        createdAt,
        Optional.of(reviewer),
        claims);
  }

  /**
   * True for the content filter's automatic report (its first reporter is {@link
   * #SYSTEM_REPORTER}).
   */
  public boolean isAutomatic() {
    return firstReporter.equals(SYSTEM_REPORTER);
  }

  /** True when the account reported it or wrote a message of its log. */
  public boolean involves(AccountId account) {
    return firstReporter.equals(account)
        || reporterIds.contains(account)
        || log.stream().anyMatch(m -> m.author().equals(account));
  }

  /** A first report: status New, one reporter, one count. */
  public static Report first(
      String id,
      EventId message,
      RoomId room,
      AccountId reporter,
      List<ReportedMessage> window,
      Instant now) {
    return new Report(
        id,
        message,
        room,
        reporter,
        List.of(reporter),
        1,
        trim(message, window),
        ReportStatus.NEW,
        Optional.empty(),
        now);
  }

  /** A first report of an encrypted message, with the reporter's claim of its plaintext. */
  public static Report first(
      String id,
      EventId message,
      RoomId room,
      AccountId reporter,
      List<ReportedMessage> window,
      Instant now,
      Optional<PlaintextClaim> claim) {
    return new Report(
        id,
        message,
        room,
        reporter,
        List.of(reporter),
        1,
        trim(message, window),
        ReportStatus.NEW,
        Optional.empty(),
        now,
        Optional.empty(),
        claim.map(List::of).orElse(List.of()));
  }

  /**
   * A report the core files itself when the content filter flags a message: status New, the {@link
   * #SYSTEM_REPORTER} as its one reporter, and {@code note} (why it was flagged) as the admin note,
   * which admins may replace when they review it.
   */
  public static Report automatic(
      String id,
      EventId message,
      RoomId room,
      List<ReportedMessage> window,
      String note,
      Instant now) {
    return new Report(
        id,
        message,
        room,
        SYSTEM_REPORTER,
        List.of(SYSTEM_REPORTER),
        1,
        trim(message, window),
        ReportStatus.NEW,
        Optional.of(note),
        now);
  }

  /**
   * This report after a repeat report: the repeat's reporter added if new, the counts summed, the
   * logs merged by message id (the fresher snapshot wins) and trimmed again to the window around
   * the reported message. Id, first reporter, status, note and creation time stay.
   */
  public Report mergedWith(Report repeat) {
    LinkedHashSet<AccountId> reporters = new LinkedHashSet<>(reporterIds);
    reporters.addAll(repeat.reporterIds);
    List<ReportedMessage> merged = new ArrayList<>(log);
    merged.addAll(repeat.log);
    return new Report(
        id,
        message,
        room,
        firstReporter,
        List.copyOf(reporters),
        reportedCount + repeat.reportedCount,
        trim(message, merged),
        status,
        adminNote,
        createdAt,
        reviewedBy,
        mergeClaims(repeat.claims));
  }

  /** One claim per reporter: a reporter's newer claim replaces its older one. */
  private List<PlaintextClaim> mergeClaims(List<PlaintextClaim> newer) {
    Map<AccountId, PlaintextClaim> byReporter = new LinkedHashMap<>();
    for (PlaintextClaim c : claims) byReporter.put(c.reporter(), c);
    for (PlaintextClaim c : newer) byReporter.put(c.reporter(), c);
    return List.copyOf(byReporter.values());
  }

  /**
   * Dedupes by id (later entries win), keeps WINDOW on each side of {@code target}, oldest first.
   */
  static List<ReportedMessage> trim(EventId target, List<ReportedMessage> messages) {
    TreeMap<EventId, ReportedMessage> byId = new TreeMap<>();
    for (ReportedMessage m : messages) byId.put(m.id(), m);
    List<ReportedMessage> out = new ArrayList<>();
    int before = 0;
    for (Map.Entry<EventId, ReportedMessage> e :
        byId.headMap(target, false).descendingMap().entrySet()) {
      if (before++ == WINDOW) break;
      out.add(0, e.getValue());
    }
    ReportedMessage self = byId.get(target);
    if (self != null) out.add(self);
    int after = 0;
    for (ReportedMessage m : byId.tailMap(target, false).values()) {
      if (after++ == WINDOW) break;
      out.add(m);
    }
    return out;
  }
}
