package dev.chatcore.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.testing.TestIds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Storage calls are timed under port, method and the outcome their failure means. */
class StorageTimersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final StorageTimers timers = new StorageTimers(registry);

  @Test
  void everyOutcomeHasItsLabelAndTheFailureIsRethrownUnchanged() {
    assertOutcome(new ConflictException("taken"), "conflict");
    assertOutcome(
        new UnavailableException(
            "storage is unavailable (find ban)",
            new MongoTimeoutException("timed out waiting for a server")),
        "timeout");
    assertOutcome(
        new UnavailableException(
            "storage is unavailable (find ban)",
            new MongoSocketOpenException("refused", new ServerAddress())),
        "unavailable");
    assertOutcome(new UnavailableException("storage is closed", null), "unavailable");
    assertOutcome(new NotFoundException("no ban for that account"), "other");
    assertOutcome(new IllegalStateException("a bug"), "other");
  }

  @Test
  void aMeteredStorageTimesTheCoresCallsButNotItsKindOrClose() {
    ChatStorage storage =
        MeteredStorage.of(InMemoryChatStorage.create(), registry, Clock.systemUTC());
    AccountId account = TestIds.account();
    storage.bans().find(account);
    storage.bans().find(account);
    storage.checkReady();
    assertEquals("memory", storage.kind());
    assertEquals(2, count("BanRepository", "find", "ok"));
    assertEquals(1, count("ChatStorage", "checkReady", "ok"));
    assertEquals(
        3,
        registry.find("chat.storage.operations").timers().stream().mapToLong(t -> t.count()).sum());
  }

  /**
   * A port added to {@code ChatStorage} and forgotten here would go unmeasured: every one is timed.
   */
  @Test
  void everyPortOfTheStorageIsTimed() throws Exception {
    ChatStorage inner = InMemoryChatStorage.create();
    ChatStorage metered = MeteredStorage.of(inner, registry, Clock.systemUTC());
    List<String> ports = new ArrayList<>();
    for (Method m : ChatStorage.class.getMethods()) {
      Class<?> type = m.getReturnType();
      boolean port =
          m.getParameterCount() == 0
              && type.isInterface()
              && type.getPackageName().equals(ChatStorage.class.getPackageName())
              && type != EventFeed.class
              && type != ChatStorage.Lifecycle.class;
      if (!port) continue;
      ports.add(m.getName());
      assertNotSame(m.invoke(inner), m.invoke(metered), m.getName() + "() is timed");
    }
    assertTrue(
        ports.containsAll(List.of("events", "toDeviceInbox", "streamTickets")), "found " + ports);
    metered.streamTickets().purgeExpired(Instant.now());
    assertEquals(1, count("StreamTicketRepository", "purgeExpired", "ok"));
  }

  private void assertOutcome(RuntimeException failure, String outcome) {
    BanRepository failing =
        (BanRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {BanRepository.class},
                (proxy, method, args) -> {
                  throw failure;
                });
    BanRepository timed = timers.timed(BanRepository.class, failing);
    long before = count("BanRepository", "find", outcome);
    RuntimeException thrown =
        assertThrows(RuntimeException.class, () -> timed.find(TestIds.account()));
    assertSame(failure, thrown);
    assertEquals(before + 1, count("BanRepository", "find", outcome));
  }

  private long count(String port, String method, String outcome) {
    var timer =
        registry
            .find("chat.storage.operations")
            .tags("port", port, "method", method, "outcome", outcome)
            .timer();
    return timer == null ? 0 : timer.count();
  }
}
