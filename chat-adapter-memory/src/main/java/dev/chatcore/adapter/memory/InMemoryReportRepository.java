package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.FiledReport;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.ReportRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reports keyed by reported message; filing and reviewing are each one atomic compute on that key,
 * so a review and a concurrent merge never lose each other's change. Listing scans.
 */
public final class InMemoryReportRepository implements ReportRepository {
  /** The admin order of {@link ReportRepository#list}. */
  private static final Comparator<Report> ADMIN_ORDER =
      Comparator.comparingInt((Report r) -> r.status().value())
          .reversed()
          .thenComparing(Comparator.comparingLong(Report::reportedCount).reversed())
          .thenComparing(Comparator.comparing(Report::createdAt).reversed())
          .thenComparing(Report::id);

  private final Map<EventId, Report> byMessage = new ConcurrentHashMap<>();
  private final Map<String, EventId> byId = new ConcurrentHashMap<>();

  @Override
  public FiledReport file(Report incoming) {
    int[] before = new int[1];
    Report stored =
        byMessage.compute(
            incoming.message(),
            (message, old) -> {
              before[0] = old == null ? 0 : old.reporterIds().size();
              return old == null ? incoming : old.mergedWith(incoming);
            });
    byId.putIfAbsent(stored.id(), stored.message());
    return new FiledReport(stored, before[0]);
  }

  @Override
  public Optional<Report> findByMessage(EventId message) {
    return Optional.ofNullable(byMessage.get(message));
  }

  @Override
  public Optional<Report> find(String id) {
    EventId message = byId.get(id);
    return message == null ? Optional.empty() : findByMessage(message);
  }

  @Override
  public List<Report> list(Optional<AccountId> account, int offset, int limit) {
    return matching(account).sorted(ADMIN_ORDER).skip(offset).limit(limit).toList();
  }

  @Override
  public long count(Optional<AccountId> account) {
    return matching(account).count();
  }

  private Stream<Report> matching(Optional<AccountId> account) {
    return byMessage.values().stream().filter(r -> account.map(r::involves).orElse(true));
  }

  @Override
  public Optional<Report> review(
      String id, ReportStatus status, Optional<String> note, AccountId reviewer) {
    EventId message = byId.get(id);
    if (message == null) return Optional.empty();
    return Optional.ofNullable(
        byMessage.computeIfPresent(message, (k, r) -> r.reviewed(status, note, reviewer)));
  }

  @Override
  public int purge(ReportStatus status, Instant cutoff, int limit) {
    int purged = 0;
    for (Report r : byMessage.values()) {
      if (purged == limit) break;
      if (r.status() != status || !r.createdAt().isBefore(cutoff)) continue;
      // removes only the version read: a concurrent review to another status keeps the report
      if (byMessage.remove(r.message(), r)) {
        byId.remove(r.id(), r.message());
        purged++;
      }
    }
    return purged;
  }
}
