package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.chat.FiledReport;
import dev.chatcore.domain.chat.PlaintextClaim;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ReportRepository} must have. */
public abstract class ReportRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RoomId room = TestIds.room();
  private final AccountId author = TestIds.account();

  protected abstract ReportRepository newReportRepository();

  private ReportedMessage msg(long position) {
    return new ReportedMessage(new EventId(position), author, "m" + position, Optional.empty(), T0);
  }

  private List<ReportedMessage> range(long from, long to) {
    List<ReportedMessage> out = new ArrayList<>();
    for (long p = from; p <= to; p++) out.add(msg(p));
    return out;
  }

  private Report report(String id, AccountId reporter, List<ReportedMessage> window) {
    return Report.first(id, new EventId(100), room, reporter, window, T0);
  }

  @Test
  void firstReportIsStoredAsNew() {
    ReportRepository reports = newReportRepository();
    AccountId reporter = TestIds.account();
    Report stored =
        reports.file(report("657977708be2aefc0e26db1f", reporter, range(90, 110))).report();
    assertEquals(ReportStatus.NEW, stored.status());
    assertEquals(1, stored.reportedCount());
    assertEquals(List.of(reporter), stored.reporterIds());
    assertEquals(21, stored.log().size());
    assertEquals(Optional.of(stored), reports.findByMessage(new EventId(100)));
    assertEquals(Optional.of(stored), reports.find("657977708be2aefc0e26db1f"));
  }

  @Test
  void aReportOfAnEncryptedMessageKeepsOneUnverifiedClaimPerReporter() {
    ReportRepository reports = newReportRepository();
    AccountId first = TestIds.account();
    AccountId second = TestIds.account();
    ReportedMessage secret = ReportedMessage.encrypted(new EventId(100), author, T0);
    List<ReportedMessage> window = List.of(msg(99), secret);
    reports.file(
        Report.first(
            "657977708be2aefc0e26db2a",
            new EventId(100),
            room,
            first,
            window,
            T0,
            Optional.of(new PlaintextClaim(first, "you are a noob", T0))));
    reports.file(
        Report.first(
            "657977708be2aefc0e26db2b",
            new EventId(100),
            room,
            second,
            window,
            T0,
            Optional.of(new PlaintextClaim(second, "you are a n00b", T0))));
    Report stored =
        reports
            .file(
                Report.first(
                    "657977708be2aefc0e26db2c",
                    new EventId(100),
                    room,
                    first,
                    window,
                    T0,
                    Optional.of(new PlaintextClaim(first, "you are a noob!", T0.plusSeconds(5)))))
            .report();
    assertEquals(
        List.of(
            new PlaintextClaim(first, "you are a noob!", T0.plusSeconds(5)),
            new PlaintextClaim(second, "you are a n00b", T0)),
        stored.claims());
    assertEquals(
        List.of(false, true), stored.log().stream().map(ReportedMessage::encrypted).toList());
    assertEquals(Optional.of(stored), reports.findByMessage(new EventId(100)));
  }

  @Test
  void repeatReportsMergeReportersCountsAndLogWithinTheWindow() {
    ReportRepository reports = newReportRepository();
    AccountId first = TestIds.account();
    AccountId second = TestIds.account();
    reports.file(report("657977708be2aefc0e26db1f", first, range(90, 110)));
    reports.file(report("657977708be2aefc0e26db20", first, range(95, 125)));
    Report merged =
        reports.file(report("657977708be2aefc0e26db21", second, range(60, 140))).report();
    assertEquals("657977708be2aefc0e26db1f", merged.id());
    assertEquals(first, merged.firstReporter());
    assertEquals(List.of(first, second), merged.reporterIds());
    assertEquals(3, merged.reportedCount());
    assertEquals(51, merged.log().size());
    assertEquals(new EventId(75), merged.log().get(0).id());
    assertEquals(new EventId(125), merged.log().get(50).id());
  }

  @Test
  void concurrentReportsAreAllCounted() throws Exception {
    ReportRepository reports = newReportRepository();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<AccountId> reporters = new ArrayList<>();
      List<Future<Report>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        AccountId r = TestIds.account();
        reporters.add(r);
        String id = String.format("%024x", i + 1);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return reports.file(report(id, r, range(99, 101))).report();
                }));
      }
      start.countDown();
      for (Future<Report> f : results) f.get(10, TimeUnit.SECONDS);
      Report stored = reports.findByMessage(new EventId(100)).orElseThrow();
      assertEquals(40, stored.reportedCount());
      assertEquals(40, stored.reporterIds().size());
      assertEquals(new HashSet<>(reporters), new HashSet<>(stored.reporterIds()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void filingSaysWhetherItCreatedTheReportAndHowManyReportersCameBefore() {
    ReportRepository reports = newReportRepository();
    AccountId first = TestIds.account();
    AccountId second = TestIds.account();
    FiledReport created = reports.file(report("657977708be2aefc0e26db1f", first, range(99, 101)));
    assertTrue(created.created());
    assertEquals(0, created.reportersBefore());
    FiledReport repeat = reports.file(report("657977708be2aefc0e26db20", first, range(99, 101)));
    assertFalse(repeat.created());
    assertEquals(1, repeat.reportersBefore());
    FiledReport another = reports.file(report("657977708be2aefc0e26db21", second, range(99, 101)));
    assertEquals(1, another.reportersBefore());
    assertTrue(another.reachedReporters(2));
    assertFalse(
        reports
            .file(report("657977708be2aefc0e26db22", second, range(99, 101)))
            .reachedReporters(2),
        "a repeat by a known reporter reaches nothing new");
  }

  @Test
  void concurrentFilingsCreateOnceAndReachEachReporterCountOnce() throws Exception {
    ReportRepository reports = newReportRepository();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<FiledReport>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        AccountId r = TestIds.account();
        String id = String.format("%024x", i + 1);
        for (int repeat = 0; repeat < 2; repeat++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return reports.file(report(id, r, range(99, 101)));
                  }));
        }
      }
      start.countDown();
      int created = 0;
      int[] reached = new int[25];
      for (Future<FiledReport> f : results) {
        FiledReport filed = f.get(10, TimeUnit.SECONDS);
        if (filed.created()) created++;
        for (int n = 1; n <= 24; n++) if (filed.reachedReporters(n)) reached[n]++;
      }
      assertEquals(1, created);
      for (int n = 1; n <= 24; n++)
        assertEquals(1, reached[n], "filings that reached " + n + " reporters");
    } finally {
      pool.shutdownNow();
    }
  }

  private Report reportOf(String id, long message, AccountId reporter, Instant created) {
    return Report.first(id, new EventId(message), room, reporter, List.of(msg(message)), created);
  }

  @Test
  void listOrdersNewFirstThenReportedCountThenNewestAndPages() {
    ReportRepository reports = newReportRepository();
    AccountId r = TestIds.account();
    AccountId admin = TestIds.account();
    reports.file(reportOf("000000000000000000000001", 1, r, T0));
    reports.file(reportOf("000000000000000000000002", 2, r, T0.plusSeconds(1)));
    reports.file(reportOf("000000000000000000000003", 3, r, T0));
    reports.file(reportOf("000000000000000000000003", 3, TestIds.account(), T0));
    reports.file(reportOf("000000000000000000000004", 4, r, T0.plusSeconds(5)));
    reports.review("000000000000000000000004", ReportStatus.MILD, Optional.empty(), admin);
    List<String> order = reports.list(Optional.empty(), 0, 10).stream().map(Report::id).toList();
    assertEquals(
        List.of(
            "000000000000000000000003",
            "000000000000000000000002",
            "000000000000000000000001",
            "000000000000000000000004"),
        order);
    assertEquals(
        order.subList(1, 3),
        reports.list(Optional.empty(), 1, 2).stream().map(Report::id).toList());
    assertEquals(4, reports.count(Optional.empty()));
  }

  @Test
  void listByAccountFindsReportersAndLoggedAuthors() {
    ReportRepository reports = newReportRepository();
    AccountId first = TestIds.account();
    AccountId second = TestIds.account();
    reports.file(reportOf("000000000000000000000001", 1, first, T0));
    reports.file(reportOf("000000000000000000000001", 1, second, T0));
    reports.file(reportOf("000000000000000000000002", 2, TestIds.account(), T0));
    assertEquals(1, reports.count(Optional.of(second)));
    assertEquals(
        "000000000000000000000001", reports.list(Optional.of(first), 0, 10).getFirst().id());
    assertEquals(2, reports.count(Optional.of(author)), "the author of logged messages");
    assertEquals(0, reports.count(Optional.of(TestIds.account())));
  }

  @Test
  void reviewChangesStatusNoteAndReviewerOnly() {
    ReportRepository reports = newReportRepository();
    AccountId admin = TestIds.account();
    Report filed =
        reports.file(reportOf("000000000000000000000001", 1, TestIds.account(), T0)).report();
    Report reviewed =
        reports.review(filed.id(), ReportStatus.SEVERE, Optional.of("warned"), admin).orElseThrow();
    assertEquals(ReportStatus.SEVERE, reviewed.status());
    assertEquals(Optional.of("warned"), reviewed.adminNote());
    assertEquals(Optional.of(admin), reviewed.reviewedBy());
    assertEquals(filed.log(), reviewed.log());
    assertEquals(filed.reportedCount(), reviewed.reportedCount());
    assertEquals(Optional.of(reviewed), reports.find(filed.id()));
    assertTrue(
        reports
            .review("00000000000000000000000f", ReportStatus.MILD, Optional.empty(), admin)
            .isEmpty());
    Report merged =
        reports.file(reportOf("000000000000000000000001", 1, TestIds.account(), T0)).report();
    assertEquals(ReportStatus.SEVERE, merged.status(), "a later report keeps the review");
    assertEquals(Optional.of(admin), merged.reviewedBy());
  }

  @Test
  void concurrentReviewsAndReportsLoseNothing() throws Exception {
    ReportRepository reports = newReportRepository();
    Report filed =
        reports.file(reportOf("000000000000000000000001", 1, TestIds.account(), T0)).report();
    AccountId admin = TestIds.account();
    int threads = 8;
    int each = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean reviewer = t % 2 == 0;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  if (reviewer)
                    reports.review(filed.id(), ReportStatus.PERMANENT, Optional.of("n"), admin);
                  else reports.file(reportOf("000000000000000000000001", 1, TestIds.account(), T0));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    Report end = reports.find(filed.id()).orElseThrow();
    assertEquals(1 + (threads / 2) * each, end.reportedCount());
    assertEquals(ReportStatus.PERMANENT, end.status());
  }

  @Test
  void purgeDeletesOnlyTheStatusBeforeTheCutoffInBatches() {
    ReportRepository reports = newReportRepository();
    AccountId admin = TestIds.account();
    reports.file(reportOf("000000000000000000000001", 1, TestIds.account(), T0));
    reports.file(reportOf("000000000000000000000002", 2, TestIds.account(), T0.plusSeconds(1)));
    reports.file(reportOf("000000000000000000000003", 3, TestIds.account(), T0.plusSeconds(10)));
    reports.file(reportOf("000000000000000000000004", 4, TestIds.account(), T0));
    reports.review("000000000000000000000004", ReportStatus.MILD, Optional.empty(), admin);
    Instant cutoff = T0.plusSeconds(10);
    assertEquals(1, reports.purge(ReportStatus.NEW, cutoff, 1));
    assertEquals(1, reports.purge(ReportStatus.NEW, cutoff, 10));
    assertEquals(0, reports.purge(ReportStatus.NEW, cutoff, 10));
    assertTrue(reports.find("000000000000000000000003").isPresent(), "created at the cutoff stays");
    assertTrue(reports.find("000000000000000000000004").isPresent(), "other status stays");
    assertTrue(reports.find("000000000000000000000001").isEmpty());
    assertTrue(reports.findByMessage(new EventId(2)).isEmpty());
  }
}
