package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.chat.DmKey;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DmRoomRepository} must have. */
public abstract class DmRoomRepositoryContract {
  private final DmKey key = DmKey.of(Set.of(TestIds.account(), TestIds.account()));

  protected abstract DmRoomRepository newDmRoomRepository();

  @Test
  void firstClaimWinsAndLaterClaimsGetTheHolder() {
    DmRoomRepository dms = newDmRoomRepository();
    RoomId a = TestIds.room();
    assertEquals(Optional.empty(), dms.find(key));
    assertEquals(a, dms.claim(key, a));
    assertEquals(a, dms.claim(key, TestIds.room()));
    assertEquals(Optional.of(a), dms.find(key));
  }

  @Test
  void releaseFreesTheKeyForANewRoom() {
    DmRoomRepository dms = newDmRoomRepository();
    RoomId a = TestIds.room();
    dms.claim(key, a);
    dms.release(a);
    dms.release(a); // idempotent
    assertEquals(Optional.empty(), dms.find(key));
    RoomId b = TestIds.room();
    assertEquals(b, dms.claim(key, b));
    dms.release(a); // a no longer holds the key: nothing happens
    assertEquals(Optional.of(b), dms.find(key));
  }

  @Test
  void concurrentClaimsAgreeOnOneRoom() throws Exception {
    DmRoomRepository dms = newDmRoomRepository();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<RoomId>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return dms.claim(key, TestIds.room());
                }));
      }
      start.countDown();
      Set<RoomId> winners = new HashSet<>();
      for (Future<RoomId> f : results) winners.add(f.get(10, TimeUnit.SECONDS));
      assertEquals(1, winners.size());
      assertEquals(Optional.of(winners.iterator().next()), dms.find(key));
    } finally {
      pool.shutdownNow();
    }
  }
}
