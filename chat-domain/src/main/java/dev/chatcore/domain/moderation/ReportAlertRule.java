package dev.chatcore.domain.moderation;

import dev.chatcore.domain.chat.FiledReport;
import java.util.ArrayList;
import java.util.List;

/**
 * When reports raise alerts: when one is created, and when its distinct reporters reach {@code
 * reporters} (0: never). Each alert is raised by exactly one filing, also under concurrent reports
 * on several nodes, because the store serializes the filings of a message ({@link FiledReport}).
 *
 * @param reporters 0, or 2 and more (one reporter is the creation itself)
 */
public record ReportAlertRule(int reporters) {
  /**
   * The default: alert on creation and when three players (or the filter and two players) reported.
   */
  public static final ReportAlertRule DEFAULT = new ReportAlertRule(3);

  public ReportAlertRule {
    if (reporters != 0 && reporters < 2)
      throw new IllegalArgumentException("reporters must be 0 or at least 2");
  }

  /** The alerts this filing raises, in order: creation first. */
  public List<ReportAlert> alertsFor(FiledReport filed) {
    List<ReportAlert> alerts = new ArrayList<>(1);
    if (filed.created())
      alerts.add(new ReportAlert(ReportAlert.Trigger.CREATED, 1, filed.report()));
    if (reporters > 0 && filed.reachedReporters(reporters)) {
      alerts.add(new ReportAlert(ReportAlert.Trigger.REPORTERS_REACHED, reporters, filed.report()));
    }
    return alerts;
  }
}
