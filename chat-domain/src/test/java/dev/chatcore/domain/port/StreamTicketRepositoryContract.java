package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.stream.StreamTicket;
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

/** The behaviour every {@link StreamTicketRepository} must have. */
public abstract class StreamTicketRepositoryContract {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract StreamTicketRepository newStreamTicketRepository();

  private static StreamTicket ticket(String digest, Instant expiresAt) {
    return new StreamTicket(
        digest, TestIds.account(), "player", false, Optional.empty(), expiresAt);
  }

  @Test
  void aTicketIsTakenOnceWithWhatItWasIssuedFor() {
    StreamTicketRepository tickets = newStreamTicketRepository();
    StreamTicket issued =
        new StreamTicket(
            "d1", TestIds.account(), "name", true, Optional.empty(), NOW.plusSeconds(30));
    StreamTicket onDevice =
        new StreamTicket(
            "d1d",
            TestIds.account(),
            "name",
            false,
            Optional.of(new DeviceId("PHONE1")),
            NOW.plusSeconds(30));
    tickets.save(issued);
    tickets.save(onDevice);
    assertEquals(Optional.of(issued), tickets.take("d1", NOW));
    assertEquals(Optional.empty(), tickets.take("d1", NOW), "single use");
    assertEquals(Optional.of(onDevice), tickets.take("d1d", NOW), "with its device");
  }

  @Test
  void expiredAndUnknownTicketsAreNotTaken() {
    StreamTicketRepository tickets = newStreamTicketRepository();
    tickets.save(ticket("d2", NOW.plusSeconds(30)));
    assertEquals(
        Optional.empty(), tickets.take("d2", NOW.plusSeconds(30)), "expired at its expiry");
    assertEquals(Optional.empty(), tickets.take("unknown", NOW));
  }

  @Test
  void purgeDeletesOnlyExpiredTickets() {
    StreamTicketRepository tickets = newStreamTicketRepository();
    tickets.save(ticket("old", NOW.plusSeconds(10)));
    tickets.save(ticket("new", NOW.plusSeconds(60)));
    assertEquals(1, tickets.purgeExpired(NOW.plusSeconds(10)));
    assertEquals(0, tickets.purgeExpired(NOW.plusSeconds(10)), "idempotent");
    assertTrue(tickets.take("new", NOW).isPresent());
  }

  @Test
  void concurrentTakesOfOneTicketSucceedOnce() throws Exception {
    StreamTicketRepository tickets = newStreamTicketRepository();
    tickets.save(ticket("race", NOW.plusSeconds(30)));
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Optional<StreamTicket>>> takes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        takes.add(
            pool.submit(
                () -> {
                  start.await();
                  return tickets.take("race", NOW);
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Optional<StreamTicket>> f : takes)
        if (f.get(10, TimeUnit.SECONDS).isPresent()) won++;
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }
}
