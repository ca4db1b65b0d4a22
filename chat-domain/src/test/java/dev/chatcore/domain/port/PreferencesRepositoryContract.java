package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
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

/** The behaviour every {@link PreferencesRepository} must have. */
public abstract class PreferencesRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ID1 = "65796e0c8be2aefc0e26c79f";
  private static final String ID2 = "65796e0c8be2aefc0e26c7a0";

  protected abstract PreferencesRepository newPreferencesRepository();

  @Test
  void findOrCreateMakesAnEmptyRecordOnceAndNeverTouchesIt() {
    PreferencesRepository prefs = newPreferencesRepository();
    AccountId a = TestIds.account();
    Preferences created = prefs.findOrCreate(a, ID1, T0);
    assertEquals(new Preferences(ID1, a, Optional.empty(), T0, T0), created);
    assertEquals(created, prefs.findOrCreate(a, ID2, T0.plusSeconds(30)));
  }

  @Test
  void replaceSwapsTheWholeObjectAndKeepsIdentity() {
    PreferencesRepository prefs = newPreferencesRepository();
    AccountId a = TestIds.account();
    prefs.findOrCreate(a, ID1, T0);
    prefs.replace(a, new JsonObjectText("{\"a\":1,\"b\":2}"), ID2, T0.plusSeconds(5));
    Preferences after = prefs.replace(a, new JsonObjectText("{\"c\":3}"), ID2, T0.plusSeconds(9));
    assertEquals(
        new Preferences(
            ID1, a, Optional.of(new JsonObjectText("{\"c\":3}")), T0, T0.plusSeconds(9)),
        after);
    assertEquals(after, prefs.findOrCreate(a, ID2, T0.plusSeconds(20)));
  }

  @Test
  void replaceCreatesAMissingRecord() {
    PreferencesRepository prefs = newPreferencesRepository();
    AccountId a = TestIds.account();
    Preferences p = prefs.replace(a, new JsonObjectText("{}"), ID1, T0);
    assertEquals(new Preferences(ID1, a, Optional.of(JsonObjectText.EMPTY), T0, T0), p);
  }

  @Test
  void concurrentFirstReadsMakeOneRecord() throws Exception {
    PreferencesRepository prefs = newPreferencesRepository();
    AccountId a = TestIds.account();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Preferences>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        String id = String.format("%024x", i + 1);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return prefs.findOrCreate(a, id, T0);
                }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<Preferences> f : results) ids.add(f.get(10, TimeUnit.SECONDS).id());
      assertEquals(1, ids.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
