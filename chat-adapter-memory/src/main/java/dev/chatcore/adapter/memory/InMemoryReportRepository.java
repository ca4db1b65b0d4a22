package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.ReportRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reports keyed by reported message; filing is one atomic compute. */
public final class InMemoryReportRepository implements ReportRepository {
  private final Map<EventId, Report> byMessage = new ConcurrentHashMap<>();
  private final Map<String, EventId> byId = new ConcurrentHashMap<>();

  @Override
  public Report file(Report incoming) {
    Report stored = byMessage.merge(incoming.message(), incoming, Report::mergedWith);
    byId.putIfAbsent(stored.id(), stored.message());
    return stored;
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
}
