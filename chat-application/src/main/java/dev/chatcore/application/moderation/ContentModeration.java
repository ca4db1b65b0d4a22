package dev.chatcore.application.moderation;

import dev.chatcore.domain.moderation.ContentFilter;
import dev.chatcore.domain.moderation.ReportAlertRule;
import dev.chatcore.domain.moderation.ReportAlerts;
import java.util.Objects;

/**
 * The moderation the host plugs into the core: the content filter every player message goes
 * through, and where report alerts go and when. {@link #none()} is the default of {@link
 * dev.chatcore.application.ChatCore#create}.
 *
 * @param filter checks each player message before it is stored
 * @param alerts receives the alerts {@code alertRule} raises when reports are filed
 */
public record ContentModeration(
    ContentFilter filter, ReportAlerts alerts, ReportAlertRule alertRule) {
  public ContentModeration {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(alertRule, "alertRule");
  }

  /** No filter (every message is stored as sent) and no alerts. */
  public static ContentModeration none() {
    return new ContentModeration(ContentFilter.NONE, ReportAlerts.NONE, ReportAlertRule.DEFAULT);
  }

  /** This moderation with {@code filter}. */
  public ContentModeration withFilter(ContentFilter filter) {
    return new ContentModeration(filter, alerts, alertRule);
  }

  /** This moderation with report alerts sent to {@code alerts} as {@code rule} says. */
  public ContentModeration withAlerts(ReportAlerts alerts, ReportAlertRule rule) {
    return new ContentModeration(filter, alerts, rule);
  }
}
