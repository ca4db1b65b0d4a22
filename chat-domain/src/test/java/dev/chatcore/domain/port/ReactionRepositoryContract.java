package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.reaction.ReactionKey;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ReactionRepository} must have. */
public abstract class ReactionRepositoryContract {
  private static final ReactionKey THUMBS = new ReactionKey("👍");
  private static final ReactionKey HEART = new ReactionKey("❤");

  private final RoomId room = TestIds.room();
  private final EventId message = new EventId(10);

  protected abstract ReactionRepository newReactionRepository();

  @Test
  void addAndRemoveAreIdempotent() {
    ReactionRepository reactions = newReactionRepository();
    AccountId me = TestIds.account();
    assertTrue(reactions.add(room, message, me, THUMBS));
    assertFalse(reactions.add(room, message, me, THUMBS));
    assertEquals(
        Map.of(message, List.of(new ReactionCount("👍", 1, true))),
        reactions.aggregates(room, Set.of(message), me));
    assertTrue(reactions.remove(room, message, me, THUMBS));
    assertFalse(reactions.remove(room, message, me, THUMBS));
    assertEquals(
        Map.of(), reactions.aggregates(room, Set.of(message), me), "an emptied key disappears");
  }

  @Test
  void aggregatesCountAccountsPerKeyOrderedByKeyAndFlagTheViewer() {
    ReactionRepository reactions = newReactionRepository();
    AccountId me = TestIds.account();
    AccountId other = TestIds.account();
    EventId second = new EventId(11);
    EventId untouched = new EventId(12);
    reactions.add(room, message, other, THUMBS);
    reactions.add(room, message, me, THUMBS);
    reactions.add(room, message, other, HEART);
    reactions.add(room, second, me, HEART);
    reactions.add(TestIds.room(), untouched, me, HEART);
    Map<EventId, List<ReactionCount>> page =
        reactions.aggregates(room, Set.of(message, second, untouched), me);
    assertEquals(
        List.of(new ReactionCount("❤", 1, false), new ReactionCount("👍", 2, true)),
        page.get(message));
    assertEquals(List.of(new ReactionCount("❤", 1, true)), page.get(second));
    assertFalse(page.containsKey(untouched), "reactions in another room are not this room's");
  }

  @Test
  void deletingARoomRemovesItsReactionsOnly() {
    ReactionRepository reactions = newReactionRepository();
    AccountId me = TestIds.account();
    RoomId kept = TestIds.room();
    reactions.add(room, message, me, THUMBS);
    reactions.add(kept, message, me, THUMBS);
    reactions.deleteRoom(room);
    assertEquals(Map.of(), reactions.aggregates(room, Set.of(message), me));
    assertEquals(
        1, reactions.aggregates(kept, Set.of(message), me).get(message).getFirst().count());
  }

  @Test
  void concurrentDuplicatesAddOnce() throws Exception {
    ReactionRepository reactions = newReactionRepository();
    AccountId me = TestIds.account();
    assertEquals(1, countTrue(16, i -> reactions.add(room, message, me, THUMBS)));
    assertEquals(1, countTrue(16, i -> reactions.remove(room, message, me, THUMBS)));
    assertEquals(Map.of(), reactions.aggregates(room, Set.of(message), me));
  }

  @Test
  void concurrentReactionsFromManyAccountsAreAllCounted() throws Exception {
    ReactionRepository reactions = newReactionRepository();
    int accounts = 60;
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < accounts; i++) ids.add(TestIds.account());
    assertEquals(
        accounts * 2,
        countTrue(
            accounts * 2,
            i -> reactions.add(room, message, ids.get(i / 2), i % 2 == 0 ? THUMBS : HEART)));
    assertEquals(
        accounts / 3,
        countTrue(accounts / 3, i -> reactions.remove(room, message, ids.get(i), HEART)));
    List<ReactionCount> counts =
        reactions.aggregates(room, Set.of(message), ids.getLast()).get(message);
    assertEquals(
        List.of(
            new ReactionCount("❤", accounts - accounts / 3, true),
            new ReactionCount("👍", accounts, true)),
        counts);
  }

  @Test
  void anAddRacingTheRemovalOfAMessagesLastReactionSurvives() throws Exception {
    ReactionRepository reactions = newReactionRepository();
    AccountId leaving = TestIds.account();
    AccountId arriving = TestIds.account();
    for (int round = 0; round < 50; round++) {
      EventId target = new EventId(1000 + round);
      reactions.add(room, target, leaving, THUMBS);
      assertEquals(
          2,
          countTrue(
              2,
              i ->
                  i == 0
                      ? reactions.remove(room, target, leaving, THUMBS)
                      : reactions.add(room, target, arriving, HEART)));
      assertEquals(
          List.of(new ReactionCount("❤", 1, true)),
          reactions.aggregates(room, Set.of(target), arriving).get(target),
          "round " + round);
    }
  }

  @Test
  void aggregatesReadDuringConcurrentChangesAreWellFormed() throws Exception {
    ReactionRepository reactions = newReactionRepository();
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) ids.add(TestIds.account());
    List<ReactionKey> keys =
        List.of(THUMBS, HEART, new ReactionKey("a"), new ReactionKey("\uFB01"));
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                List<ReactionCount> seen =
                    reactions
                        .aggregates(room, Set.of(message), ids.getFirst())
                        .getOrDefault(message, List.of());
                for (int i = 0; i < seen.size(); i++) {
                  if (seen.get(i).count() > ids.size())
                    problems.add("count above the accounts: " + seen);
                  if (i > 0
                      && Arrays.compare(
                              seen.get(i - 1).key().codePoints().toArray(),
                              seen.get(i).key().codePoints().toArray())
                          >= 0) {
                    problems.add("keys out of order: " + seen);
                  }
                }
              }
            });
    reader.start();
    try {
      // every account adds every key, removes it, and adds it again
      int pairs = ids.size() * keys.size();
      assertEquals(
          pairs,
          countTrue(
              pairs,
              i -> {
                AccountId a = ids.get(i / keys.size());
                ReactionKey k = keys.get(i % keys.size());
                return reactions.add(room, message, a, k)
                    && reactions.remove(room, message, a, k)
                    && reactions.add(room, message, a, k);
              }));
    } finally {
      writing.set(false);
      reader.join();
    }
    assertEquals(List.of(), problems.stream().limit(3).toList());
    List<ReactionCount> done =
        reactions.aggregates(room, Set.of(message), ids.getFirst()).get(message);
    assertEquals(
        List.of(
            new ReactionCount("a", 12, true),
            new ReactionCount("❤", 12, true),
            new ReactionCount("\uFB01", 12, true),
            new ReactionCount("👍", 12, true)),
        done); // code point order
  }

  private interface Attempt {
    boolean run(int i) throws Exception;
  }

  private static int countTrue(int tasks, Attempt attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return attempt.run(n);
                }));
      }
      go.countDown();
      int yes = 0;
      for (Future<Boolean> f : results) if (f.get(30, TimeUnit.SECONDS)) yes++;
      return yes;
    } finally {
      pool.shutdown();
    }
  }

  /** U+FB01 sorts before U+1F44D by code point, after it by UTF-16 unit (a surrogate is 0xD83D). */
  @Test
  void keysAreOrderedByCodePointNotByUtf16Unit() {
    ReactionRepository reactions = newReactionRepository();
    RoomId room = TestIds.room();
    EventId message = new EventId(7);
    AccountId me = TestIds.account();
    reactions.add(room, message, me, new ReactionKey("👍"));
    reactions.add(room, message, me, new ReactionKey("\uFB01"));
    assertEquals(
        List.of(new ReactionCount("\uFB01", 1, true), new ReactionCount("👍", 1, true)),
        reactions.aggregates(room, Set.of(message), me).get(message));
  }
}
