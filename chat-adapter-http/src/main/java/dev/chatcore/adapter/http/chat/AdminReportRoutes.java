package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.AdminRoutes.adminOnly;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.admin.ListReports;
import dev.chatcore.application.admin.ReviewReport;
import dev.chatcore.domain.id.AccountId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /chat/admin/reports} (SPEC §4, reference §6): report review, the listing and a review's
 * status and note. Every route is {@linkplain AdminRoutes#adminOnly admin only}.
 */
public final class AdminReportRoutes {
  private final ListReports listReports;
  private final ReviewReport reviewReport;

  public AdminReportRoutes(ListReports listReports, ReviewReport reviewReport) {
    this.listReports = listReports;
    this.reviewReport = reviewReport;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/chat/admin/reports", true, adminOnly(this::reports)),
        Route.of("PATCH", "/chat/admin/reports/update", true, adminOnly(this::updateReport)));
  }

  private Reply reports(ApiRequest r) {
    int page = r.queryInt("page").orElse(0);
    Optional<String> reportId = r.query("reportId").map(String::strip).filter(s -> !s.isEmpty());
    Optional<AccountId> account =
        r.query("accountId").map(s -> AccountId.parse(s.strip(), "accountId"));
    ListReports.Page found =
        listReports.list(new ListReports.Query(r.caller(), reportId, account, page));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reports", found.reports().stream().map(ChatJson::adminReport).toList());
    out.put("page", found.page());
    out.put("reportsPerPage", found.perPage());
    out.put("remainingReportCount", found.remaining());
    return Reply.ok(out);
  }

  private Reply updateReport(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("reportId", "status", "adminNote", "lastRead"));
    var reviewed =
        reviewReport.review(
            new ReviewReport.Command(
                r.caller(),
                body.requiredString("reportId").strip(),
                body.optionalInt("status"),
                body.optionalString("adminNote")));
    return Reply.ok(Map.of("report", ChatJson.adminReport(reviewed)));
  }
}
