package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.FiledReport;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Player reports, one per reported message. Thread-safe; a store without locks merges with a
 * version check and retries.
 */
public interface ReportRepository {

  /**
   * Files a report: stores {@code incoming} when the message has no report yet, otherwise replaces
   * the stored one with {@code stored.mergedWith(incoming)}. Atomic: concurrent reports of one
   * message all merge (none is lost, the count is exact).
   *
   * @return the stored report afterwards, and how many distinct reporters it had before this filing
   *     (0 when this filing created it), read in the same atomic step
   */
  FiledReport file(Report incoming);

  Optional<Report> findByMessage(EventId message);

  Optional<Report> find(String id);

  /**
   * Reports in the admin order: status value descending (New 100 first, Permanent 1 last), then
   * {@code reportedCount} descending, then newest first, then id; {@code account} narrows to
   * reports it filed, co-filed or wrote a logged message of. A Mongo store sorts on {@code (status,
   * reportedCount, createdOn, _id)} and filters with an {@code $or}.
   */
  List<Report> list(Optional<AccountId> account, int offset, int limit);

  /** How many reports {@link #list} would page through. */
  long count(Optional<AccountId> account);

  /**
   * An admin's review: sets status, note and reviewer and nothing else, atomically against
   * concurrent {@link #file} merges (neither loses the other's change).
   *
   * @return the stored report afterwards; empty when no report has this id
   */
  Optional<Report> review(
      String id, ReportStatus status, Optional<String> note, AccountId reviewer);

  /**
   * Deletes at most {@code limit} reports of {@code status} created before {@code cutoff}.
   *
   * @return how many were deleted (fewer than {@code limit}: none is left)
   */
  int purge(ReportStatus status, Instant cutoff, int limit);
}
