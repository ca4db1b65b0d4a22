package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.ArrayList;
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
  protected abstract ReportRepository newReportRepository();

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RoomId room = TestIds.room();
  private final AccountId author = TestIds.account();

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
    Report stored = reports.file(report("657977708be2aefc0e26db1f", reporter, range(90, 110)));
    assertEquals(ReportStatus.NEW, stored.status());
    assertEquals(1, stored.reportedCount());
    assertEquals(List.of(reporter), stored.reporterIds());
    assertEquals(21, stored.log().size());
    assertEquals(Optional.of(stored), reports.findByMessage(new EventId(100)));
    assertEquals(Optional.of(stored), reports.find("657977708be2aefc0e26db1f"));
  }

  @Test
  void repeatReportsMergeReportersCountsAndLogWithinTheWindow() {
    ReportRepository reports = newReportRepository();
    AccountId first = TestIds.account();
    AccountId second = TestIds.account();
    reports.file(report("657977708be2aefc0e26db1f", first, range(90, 110)));
    reports.file(report("657977708be2aefc0e26db20", first, range(95, 125)));
    Report merged = reports.file(report("657977708be2aefc0e26db21", second, range(60, 140)));
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
        results.add(pool.submit(() -> {
          start.await();
          return reports.file(report(id, r, range(99, 101)));
        }));
      }
      start.countDown();
      for (Future<Report> f : results) f.get(10, TimeUnit.SECONDS);
      Report stored = reports.findByMessage(new EventId(100)).orElseThrow();
      assertEquals(40, stored.reportedCount());
      assertEquals(40, stored.reporterIds().size());
      assertEquals(new java.util.HashSet<>(reporters), new java.util.HashSet<>(stored.reporterIds()));
    } finally {
      pool.shutdownNow();
    }
  }
}
