package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.ReadPositions;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ReceiptRepository} must have. */
public abstract class ReceiptRepositoryContract {
  private final RoomId room = TestIds.room();

  protected abstract ReceiptRepository newReceiptRepository();

  @Test
  void aReceiptOnlyMovesForward() {
    ReceiptRepository receipts = newReceiptRepository();
    AccountId me = TestIds.account();
    assertEquals(Optional.empty(), receipts.find(room, me));
    assertTrue(receipts.advance(room, me, new EventId(5)));
    assertFalse(receipts.advance(room, me, new EventId(3)));
    assertFalse(receipts.advance(room, me, new EventId(5)));
    assertEquals(Optional.of(new EventId(5)), receipts.find(room, me));
    assertTrue(receipts.advance(room, me, new EventId(9)));
    assertEquals(Optional.of(new EventId(9)), receipts.find(room, me));
    assertEquals(Optional.empty(), receipts.find(TestIds.room(), me));
  }

  @Test
  void positionsCountReceiptsAtOrAfterAMessage() {
    ReceiptRepository receipts = newReceiptRepository();
    receipts.advance(room, TestIds.account(), new EventId(4));
    receipts.advance(room, TestIds.account(), new EventId(7));
    receipts.advance(room, TestIds.account(), new EventId(7));
    receipts.advance(room, TestIds.account(), new EventId(12));
    receipts.advance(TestIds.room(), TestIds.account(), new EventId(20));
    ReadPositions positions = receipts.positions(room, new EventId(5));
    assertEquals(3, positions.size(), "receipts before the page are not read");
    assertEquals(3, positions.countAtOrAfter(new EventId(6)));
    assertEquals(3, positions.countAtOrAfter(new EventId(7)));
    assertEquals(1, positions.countAtOrAfter(new EventId(8)));
    assertEquals(0, positions.countAtOrAfter(new EventId(13)));
  }

  @Test
  void removeAndDeleteRoomForgetReceipts() {
    ReceiptRepository receipts = newReceiptRepository();
    AccountId gone = TestIds.account();
    AccountId stays = TestIds.account();
    RoomId kept = TestIds.room();
    receipts.advance(room, gone, new EventId(3));
    receipts.advance(room, stays, new EventId(3));
    receipts.advance(kept, stays, new EventId(3));
    receipts.remove(room, gone);
    assertEquals(Optional.empty(), receipts.find(room, gone));
    assertEquals(1, receipts.positions(room, EventId.ORIGIN).size());
    receipts.deleteRoom(room);
    assertEquals(0, receipts.positions(room, EventId.ORIGIN).size());
    assertEquals(Optional.of(new EventId(3)), receipts.find(kept, stays));
  }

  @Test
  void concurrentReceiptsEndAtTheLatestAndNeverMoveBack() throws Exception {
    ReceiptRepository receipts = newReceiptRepository();
    int accounts = 12;
    int perAccount = 50;
    List<AccountId> ids = new ArrayList<>();
    List<Runnable> work = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      AccountId account = TestIds.account();
      ids.add(account);
      for (int p = 1; p <= perAccount; p++) {
        EventId position = new EventId(p);
        work.add(
            () -> {
              receipts.advance(room, account, position);
              EventId seen = receipts.find(room, account).orElseThrow();
              if (position.isAfter(seen))
                throw new AssertionError("receipt moved back below " + position);
            });
      }
    }
    Collections.shuffle(work, new Random(42));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (Runnable r : work)
      done.add(
          pool.submit(
              () -> {
                go.await();
                r.run();
                return null;
              }));
    go.countDown();
    for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    for (AccountId account : ids)
      assertEquals(Optional.of(new EventId(perAccount)), receipts.find(room, account));
    assertEquals(
        accounts,
        receipts.positions(room, new EventId(perAccount)).countAtOrAfter(new EventId(perAccount)));
  }
}
