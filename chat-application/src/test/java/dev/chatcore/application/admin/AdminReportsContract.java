package dev.chatcore.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.application.Caller;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Message reports as admins list, page and review them. */
public abstract class AdminReportsContract extends AdminFixture {
  @Test
  void adminsListAndReviewReports() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice, bob);
    String m1 = post(bob, global, "rude").id();
    String m2 = post(bob, global, "ruder").id();
    Report r1 = core.reportMessage().report(new ReportMessage.Command(alice, m1));
    core.reportMessage().report(new ReportMessage.Command(alice, m2));
    Report r2 = core.reportMessage().report(new ReportMessage.Command(alice, m2));
    ListReports.Page page =
        core.listReports()
            .list(new ListReports.Query(admin, Optional.empty(), Optional.empty(), 0));
    assertEquals(
        List.of(r2.id(), r1.id()),
        page.reports().stream().map(Report::id).toList(),
        "more reported first");
    assertEquals(0, page.remaining());
    assertEquals(
        List.of(r1.id()),
        core
            .listReports()
            .list(new ListReports.Query(admin, Optional.of(r1.id()), Optional.empty(), 0))
            .reports()
            .stream()
            .map(Report::id)
            .toList());
    assertEquals(
        2,
        core.listReports()
            .list(new ListReports.Query(admin, Optional.empty(), Optional.of(bob.id()), 0))
            .reports()
            .size(),
        "bob wrote the logged messages");
    Report reviewed =
        core.reviewReport()
            .review(
                new ReviewReport.Command(
                    admin, r2.id(), Optional.of(1), Optional.of("kept for the record")));
    assertEquals(ReportStatus.PERMANENT, reviewed.status());
    assertEquals(Optional.of(admin.id()), reviewed.reviewedBy());
    assertEquals(r2.log(), reviewed.log());
    assertEquals(
        List.of(r1.id(), r2.id()),
        core
            .listReports()
            .list(new ListReports.Query(admin, Optional.empty(), Optional.empty(), 0))
            .reports()
            .stream()
            .map(Report::id)
            .toList(),
        "New first");
    Report noteOnly =
        core.reviewReport()
            .review(new ReviewReport.Command(admin, r2.id(), Optional.empty(), Optional.of("")));
    assertEquals(ReportStatus.PERMANENT, noteOnly.status());
    assertEquals(Optional.empty(), noteOnly.adminNote());
    assertThrows(
        InvalidInputException.class,
        () ->
            core.reviewReport()
                .review(
                    new ReviewReport.Command(admin, r2.id(), Optional.of(2), Optional.empty())));
    assertThrows(
        InvalidInputException.class,
        () ->
            core.reviewReport()
                .review(
                    new ReviewReport.Command(admin, r2.id(), Optional.empty(), Optional.empty())));
    assertThrows(
        NotFoundException.class,
        () ->
            core.reviewReport()
                .review(
                    new ReviewReport.Command(
                        admin, "00000000000000000000000f", Optional.of(50), Optional.empty())));
    assertThrows(
        ForbiddenException.class,
        () ->
            core.reviewReport()
                .review(
                    new ReviewReport.Command(alice, r2.id(), Optional.of(50), Optional.empty())));
    assertThrows(
        ForbiddenException.class,
        () ->
            core.listReports()
                .list(new ListReports.Query(alice, Optional.empty(), Optional.empty(), 0)));
  }

  @Test
  void reportsArePagedTenAtATime() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice, bob);
    for (int i = 0; i < 13; i++) {
      String m = post(bob, global, "m" + i).id();
      core.reportMessage().report(new ReportMessage.Command(alice, m));
    }
    ListReports.Page first =
        core.listReports()
            .list(new ListReports.Query(admin, Optional.empty(), Optional.empty(), 0));
    ListReports.Page second =
        core.listReports()
            .list(new ListReports.Query(admin, Optional.empty(), Optional.empty(), 1));
    assertEquals(10, first.reports().size());
    assertEquals(3, first.remaining());
    assertEquals(3, second.reports().size());
    assertEquals(0, second.remaining());
  }
}
