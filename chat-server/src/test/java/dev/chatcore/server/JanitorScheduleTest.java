package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.retention.Janitor;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.server.metrics.JanitorRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JanitorScheduleTest {
  @Test
  void intervalAndBatchComeFromTheEnvironment() {
    ServerConfig defaults = ServerConfig.fromEnvironment(Map.of());
    assertEquals(Duration.ofMinutes(30), defaults.janitorInterval());
    assertEquals(500, defaults.janitorBatch());
    ServerConfig set = ServerConfig.fromEnvironment(Map.of("CHAT_JANITOR_INTERVAL_S", "60", "CHAT_JANITOR_BATCH", "25"));
    assertEquals(Duration.ofMinutes(1), set.janitorInterval());
    assertEquals(25, set.janitorBatch());
    for (String bad : new String[] {"0", "abc", "-5"}) {
      ConfigException e = assertThrows(ConfigException.class,
          () -> ServerConfig.fromEnvironment(Map.of("CHAT_JANITOR_INTERVAL_S", bad)));
      assertTrue(e.getMessage().startsWith("CHAT_JANITOR_INTERVAL_S"));
    }
    assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(Map.of("CHAT_JANITOR_BATCH", "0")));
  }

  @Test
  void theJanitorRunsOnceAtStart() throws Exception {
    InMemoryChatStorage storage = new InMemoryChatStorage();
    RoomId lonely = new RoomId("65781a2ee074f00f1e9b37e6");
    storage.rooms().create(new Room(lonely, RoomType.DM, Optional.empty(), Optional.empty(), Clock.systemUTC().instant(),
        0, 0, Optional.empty(), Optional.empty(), Optional.empty()));
    storage.memberships().put(new RoomMember(lonely, new AccountId("65781a2ee074f00f1e9b37e7"), MemberState.JOINED,
        Clock.systemUTC().instant(), storage.events().head()));
    FirstRun firstRun = new FirstRun();
    try (ChatCore core = ChatCore.create(storage, Limits.defaults(), Clock.systemUTC());
        JanitorSchedule schedule = JanitorSchedule.start(core, Duration.ofHours(1), 10, firstRun)) {
      firstRun.done.get(30, TimeUnit.SECONDS); // the first run starts at once; this waits for its end
      assertTrue(storage.rooms().find(lonely).orElseThrow().isDeleted(), "the start-up run closed the lonely DM");
    }
  }

  /** Completes when the first scheduled run has ended, either way. */
  private static final class FirstRun implements JanitorRuns {
    final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    public void succeeded(Janitor.Run run) {
      done.complete(null);
    }

    @Override
    public void failed() {
      done.completeExceptionally(new AssertionError("the start-up run failed"));
    }
  }
}
