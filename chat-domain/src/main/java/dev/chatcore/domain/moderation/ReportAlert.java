package dev.chatcore.domain.moderation;

import dev.chatcore.domain.chat.Report;
import java.util.Objects;

/**
 * News about a report for the studio's moderators: it was just filed, or it just reached a number
 * of distinct reporters ({@link ReportAlertRule}).
 *
 * @param reporters the number of distinct reporters that triggered it (1 when created)
 * @param report the report as stored at that moment
 */
public record ReportAlert(Trigger trigger, int reporters, Report report) {
  /** Why the alert was raised. */
  public enum Trigger {
    /** The first report of a message (by a player, or the content filter's automatic one). */
    CREATED,
    /** The report's distinct reporters reached the rule's number. */
    REPORTERS_REACHED
  }

  public ReportAlert {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(report, "report");
  }

  /**
   * A key that names this alert and nothing else, the same however often it is delivered: a
   * receiver that keeps the keys it has seen handles each alert once (at-least-once delivery
   * retries).
   */
  public String idempotencyKey() {
    return "report-"
        + report.id()
        + (trigger == Trigger.CREATED ? "-created" : "-reporters-" + reporters);
  }
}
