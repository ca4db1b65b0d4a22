package dev.chatcore.application.report;

import dev.chatcore.domain.chat.FiledReport;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.moderation.ReportAlert;
import dev.chatcore.domain.moderation.ReportAlertRule;
import dev.chatcore.domain.moderation.ReportAlerts;
import dev.chatcore.domain.port.ReportRepository;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way reports are filed, by players and by the content filter: store (or merge), then raise
 * the alerts the rule calls for. An alert that cannot be handed over is logged; the report stands
 * either way.
 */
public final class ReportFiling {
  private static final Logger LOG = Logger.getLogger(ReportFiling.class.getName());

  private final ReportRepository reports;
  private final ReportAlerts alerts;
  private final ReportAlertRule rule;

  @Inject
  public ReportFiling(ReportRepository reports, ReportAlerts alerts, ReportAlertRule rule) {
    this.reports = reports;
    this.alerts = alerts;
    this.rule = rule;
  }

  /**
   * @return the report as stored afterwards
   */
  public Report file(Report report) {
    FiledReport filed = reports.file(report);
    for (ReportAlert alert : rule.alertsFor(filed)) {
      try {
        alerts.send(alert);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "report alert " + alert.idempotencyKey() + " was not sent", e);
      }
    }
    return filed.report();
  }
}
