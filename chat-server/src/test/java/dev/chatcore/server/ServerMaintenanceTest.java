package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.embed.Maintenance;
import dev.chatcore.application.embed.MaintenanceTask;
import dev.chatcore.application.retention.Janitor;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.Await;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.server.metrics.JanitorRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone server's periodic work: {@link ChatServer#maintenance} on the one {@link
 * Maintenance}.
 */
class ServerMaintenanceTest {
  @Test
  void intervalAndBatchComeFromTheEnvironment() {
    ServerConfig defaults = ServerConfig.fromEnvironment(Map.of());
    assertEquals(Duration.ofMinutes(30), defaults.janitorInterval());
    assertEquals(500, defaults.janitorBatch());
    ServerConfig set =
        ServerConfig.fromEnvironment(
            Map.of("CHAT_JANITOR_INTERVAL_S", "60", "CHAT_JANITOR_BATCH", "25"));
    assertEquals(Duration.ofMinutes(1), set.janitorInterval());
    assertEquals(25, set.janitorBatch());
    for (String bad : new String[] {"0", "abc", "-5"}) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> ServerConfig.fromEnvironment(Map.of("CHAT_JANITOR_INTERVAL_S", bad)));
      assertTrue(e.getMessage().startsWith("CHAT_JANITOR_INTERVAL_S"));
    }
    assertThrows(
        ConfigException.class,
        () -> ServerConfig.fromEnvironment(Map.of("CHAT_JANITOR_BATCH", "0")));
  }

  @Test
  void theTasksAreTheIdleSweepAndTheJanitorWhichRunsAtOnceAndThenEveryInterval() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of("CHAT_GLOBAL_IDLE_TIMEOUT_S", "300", "CHAT_JANITOR_INTERVAL_S", "60"));
    try (ChatCore core =
        ChatCore.create(InMemoryChatStorage.create(), Limits.defaults(), Clock.systemUTC())) {
      List<MaintenanceTask> tasks = ChatServer.maintenance(core, config, JanitorRuns.NONE).tasks();
      assertEquals(
          List.of("idle-sweep", "janitor"), tasks.stream().map(MaintenanceTask::name).toList());
      assertEquals(Duration.ofSeconds(30), tasks.get(0).every(), "a tenth of the idle threshold");
      assertEquals(Duration.ofMinutes(1), tasks.get(1).every());
      assertEquals(Duration.ZERO, tasks.get(1).firstRunAfter(), "the janitor runs once at start");
    }
  }

  @Test
  void theScheduleTakesIdlePlayersOutOfTheirGlobalRoom() {
    MutableClock clock = new MutableClock();
    ChatStorage storage = InMemoryChatStorage.create();
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("CHAT_GLOBAL_IDLE_TIMEOUT_S", "10"));
    try (ChatCore core = ChatCore.create(storage, Limits.defaults(), clock)) {
      Maintenance maintenance = ChatServer.maintenance(core, config, JanitorRuns.NONE);
      AccountId player = new AccountId("65781a2ee074f00f1e9b37e6");
      core.admitPlayer().admit(Caller.player(player, "p"));
      assertTrue(storage.globalRooms().roomOf(player).isPresent());
      maintenance.start(2);
      try {
        clock.advance(Duration.ofSeconds(11));
        Await.until(
            () -> storage.globalRooms().roomOf(player).isEmpty(),
            () -> "the sweep (it runs every second)");
      } finally {
        maintenance.stop();
      }
    }
  }

  @Test
  void theJanitorRunsOnceAtStart() throws Exception {
    ChatStorage storage = InMemoryChatStorage.create();
    RoomId lonely = new RoomId("65781a2ee074f00f1e9b37e6");
    storage
        .rooms()
        .create(
            new Room(
                lonely,
                RoomType.DM,
                Optional.empty(),
                Optional.empty(),
                Clock.systemUTC().instant(),
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    storage
        .memberships()
        .put(
            new RoomMember(
                lonely,
                new AccountId("65781a2ee074f00f1e9b37e7"),
                MemberState.JOINED,
                Clock.systemUTC().instant(),
                storage.events().head()));
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of("CHAT_JANITOR_INTERVAL_S", "3600", "CHAT_JANITOR_BATCH", "10"));
    FirstRun firstRun = new FirstRun();
    try (ChatCore core = ChatCore.create(storage, Limits.defaults(), Clock.systemUTC())) {
      Maintenance maintenance = ChatServer.maintenance(core, config, firstRun);
      maintenance.start(2);
      try {
        firstRun.done.get(
            30, TimeUnit.SECONDS); // the first run starts at once; this waits for its end
        assertTrue(
            storage.rooms().find(lonely).orElseThrow().isDeleted(),
            "the start-up run closed the lonely DM");
      } finally {
        maintenance.stop();
      }
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
