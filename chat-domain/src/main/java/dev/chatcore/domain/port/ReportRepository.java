package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.id.EventId;
import java.util.Optional;

/**
 * Player reports, one per reported message. Thread-safe; a store without locks merges with a
 * version check and retries.
 */
public interface ReportRepository {

  /**
   * Files a report: stores {@code incoming} when the message has no report yet, otherwise
   * replaces the stored one with {@code stored.mergedWith(incoming)}. Atomic: concurrent reports
   * of one message all merge (none is lost, the count is exact).
   *
   * @return the stored report afterwards
   */
  Report file(Report incoming);

  Optional<Report> findByMessage(EventId message);

  Optional<Report> find(String id);
}
