package dev.chatcore.application.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.FilterVerdict;
import dev.chatcore.domain.moderation.ReportAlert;
import dev.chatcore.domain.moderation.ReportAlertRule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Report alerts on every storage: one when a report is created, one when it reaches N reporters.
 */
public abstract class ReportAlertsContract extends CoreFixture {
  private final List<ReportAlert> sent = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  /** Alerts at creation and at 3 reporters; flags "sus"; the port fails while {@link #failing}. */
  @Override
  protected ContentModeration moderation() {
    return ContentModeration.none()
        .withFilter(
            (sender, room, text) ->
                text.contains("sus")
                    ? new FilterVerdict.Flag(text, "suspicious")
                    : FilterVerdict.ALLOW)
        .withAlerts(
            alert -> {
              if (failing) throw new IllegalStateException("the alert channel is down");
              sent.add(alert);
            },
            new ReportAlertRule(3));
  }

  private String post(Caller who, RoomId room, String text) {
    return core.postChatMessage()
        .post(new PostChatMessage.Command(who, room, text, Optional.empty()))
        .id();
  }

  private Report report(Caller who, String message) {
    return core.reportMessage().report(new ReportMessage.Command(who, message));
  }

  private List<String> keys() {
    return sent.stream().map(ReportAlert::idempotencyKey).toList();
  }

  @Test
  void aReportAlertsWhenCreatedAndWhenItReachesTheReporters() {
    Caller author = player("author");
    List<Caller> reporters = List.of(player("a"), player("b"), player("c"), player("d"));
    RoomId global = core.placeInGlobalRoom().place(author.id()).id();
    reporters.forEach(r -> core.placeInGlobalRoom().place(r.id()));
    String message = post(author, global, "hello");

    Report first = report(reporters.get(0), message);
    assertEquals(List.of("report-" + first.id() + "-created"), keys());
    assertEquals(ReportAlert.Trigger.CREATED, sent.get(0).trigger());
    report(reporters.get(0), message);
    report(reporters.get(1), message);
    assertEquals(1, sent.size(), "repeats and a second reporter raise nothing");
    Report third = report(reporters.get(2), message);
    assertEquals(
        List.of("report-" + first.id() + "-created", "report-" + first.id() + "-reporters-3"),
        keys());
    assertEquals(third, sent.get(1).report());
    report(reporters.get(3), message);
    assertEquals(2, sent.size(), "each number of reporters alerts once");
  }

  @Test
  void theContentFiltersAutomaticReportAlertsToo() {
    Caller author = player("author");
    RoomId global = core.placeInGlobalRoom().place(author.id()).id();
    post(author, global, "sus link");
    assertEquals(1, sent.size());
    assertEquals(List.of(Report.SYSTEM_REPORTER), sent.get(0).report().reporterIds());
  }

  @Test
  void aFailingAlertChannelNeverFailsTheReport() {
    Caller author = player("author");
    Caller reporter = player("reporter");
    RoomId global = core.placeInGlobalRoom().place(author.id()).id();
    core.placeInGlobalRoom().place(reporter.id());
    String message = post(author, global, "hello");
    failing = true;
    Report filed = report(reporter, message);
    assertEquals(1, filed.reportedCount());
    assertEquals(Optional.of(filed), storage.reports().find(filed.id()));
  }
}
