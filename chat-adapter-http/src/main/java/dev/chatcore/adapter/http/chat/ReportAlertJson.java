package dev.chatcore.adapter.http.chat;

import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.moderation.ReportAlert;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a report alert webhook: what happened, the idempotency key, and the report in the
 * shape {@code GET /chat/admin/reports} answers, so a moderation tool reads both alike.
 */
public final class ReportAlertJson {
  private ReportAlertJson() {}

  /** The event name: {@code report.created} or {@code report.reporters_reached}. */
  public static String event(ReportAlert alert) {
    return switch (alert.trigger()) {
      case CREATED -> "report.created";
      case REPORTERS_REACHED -> "report.reporters_reached";
    };
  }

  public static Map<String, Object> body(ReportAlert alert) {
    Report report = alert.report();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event", event(alert));
    out.put("idempotencyKey", alert.idempotencyKey());
    out.put("reporters", alert.reporters());
    out.put("automatic", report.isAutomatic());
    out.put("offendingMessage", offending(report));
    out.put("report", ChatJson.adminReport(report));
    return out;
  }

  /**
   * The reported message as the report's snapshot holds it (null if the snapshot lost it), in the
   * shape of the report's {@code messageLog}. An end-to-end encrypted message has an empty text and
   * {@code encrypted: true}: what reporters say it said stays in the report's {@code
   * plaintextClaims}, marked unverified, never in the message's place.
   */
  private static Map<String, Object> offending(Report report) {
    return report.log().stream()
        .filter(m -> m.id().equals(report.message()))
        .findFirst()
        .map(ChatJson::logged)
        .orElse(null);
  }
}
