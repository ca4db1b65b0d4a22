package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ReportRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /chat/admin/reports}: one report by id, or the reports an account filed, co-filed or
 * appears in, or all; New first, then by {@code reportedCount}, then newest; paged.
 */
public final class ListReports {
  public static final int PER_PAGE = 10;

  /**
   * @param page zero-based
   */
  public record Query(
      Caller caller, Optional<String> reportId, Optional<AccountId> account, int page) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(reportId, "reportId");
      Objects.requireNonNull(account, "account");
    }
  }

  public record Page(List<Report> reports, int page, int perPage, long remaining) {}

  private final ReportRepository reports;

  @Inject
  public ListReports(ReportRepository reports) {
    this.reports = reports;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a negative page
   */
  public Page list(Query query) {
    query.caller().requireAdmin();
    if (query.page() < 0) throw new InvalidInputException("page", "must be 0 or more");
    if (query.reportId().isPresent()) {
      List<Report> one = reports.find(query.reportId().get()).stream().toList();
      return new Page(query.page() == 0 ? one : List.of(), query.page(), PER_PAGE, 0);
    }
    long offset = (long) query.page() * PER_PAGE;
    if (offset > Integer.MAX_VALUE) return new Page(List.of(), query.page(), PER_PAGE, 0);
    List<Report> found = reports.list(query.account(), (int) offset, PER_PAGE);
    long total = reports.count(query.account());
    return new Page(found, query.page(), PER_PAGE, Math.max(0, total - offset - found.size()));
  }
}
