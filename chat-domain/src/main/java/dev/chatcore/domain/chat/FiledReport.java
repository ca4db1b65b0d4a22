package dev.chatcore.domain.chat;

import java.util.Objects;

/**
 * What one filing of a report did: the report as stored afterwards, and how many distinct reporters
 * it had before this filing. Filings of one message are serialized by the store, so exactly one
 * filing creates the report and exactly one brings it to any given number of reporters; report
 * alerts rely on that ({@link dev.chatcore.domain.moderation.ReportAlertRule}).
 *
 * @param reportersBefore 0 when this filing created the report
 */
public record FiledReport(Report report, int reportersBefore) {
  public FiledReport {
    Objects.requireNonNull(report, "report");
    if (reportersBefore < 0)
      throw new IllegalArgumentException("reportersBefore must not be negative");
  }

  /** True when this filing stored a new report (no report of the message existed). */
  public boolean created() {
    return reportersBefore == 0;
  }

  /**
   * True when this filing brought the distinct reporters from below {@code n} to {@code n} or more.
   */
  public boolean reachedReporters(int n) {
    return reportersBefore < n && report.reporterIds().size() >= n;
  }
}
