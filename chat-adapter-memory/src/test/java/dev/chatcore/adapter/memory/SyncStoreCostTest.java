package dev.chatcore.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.CountingStorage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Store calls of a sync for an account in a channel and a DM (issue 13: the visibility fix may add
 * at most one store read per sync). Before the fix: 9 for a sync that answers at once, 10 to park
 * and 12 for a wake with the post that woke it, 22 per held sync. Now: 7, 12 and 10, 22 per held
 * sync (the ban is read from the store only for an answer; the read after parking reads the scope
 * again, the read after a wake no longer refreshes twice).
 */
class SyncStoreCostTest {
  @Test
  void aSyncCostsNoMoreStoreCallsThanBeforeTheVisibilityFix() throws Exception {
    CountingStorage storage = new CountingStorage(InMemoryChatStorage.create());
    ChatCore core =
        ChatCore.create(
            storage.storage(),
            Limits.defaults().withSyncTimeoutMin(Duration.ofMillis(20)),
            Clock.systemUTC());
    Caller admin = new Caller(TestIds.account(), "admin", true);
    Caller alice = Caller.player(TestIds.account(), "alice");
    Caller bob = Caller.player(TestIds.account(), "bob");
    RoomId room =
        core.createRoom()
            .create(new CreateRoom.Command(admin, "lobby", Optional.empty()))
            .room()
            .id();
    core.sendDirectMessage()
        .send(
            new SendDirectMessage.Command(
                bob, List.of(alice.id().value()), "hi", Optional.empty()));
    core.registerCaller().register(alice);
    EventId start = storage.storage().events().head();
    core.sendMessage()
        .send(new SendMessage.Command(admin, room, "x", Optional.empty(), Optional.empty()));
    storage.reset();
    core.sync()
        .sync(new Sync.Command(alice, start, Duration.ofSeconds(5), Optional.empty()))
        .get(5, TimeUnit.SECONDS);
    long answer = total(storage);
    EventId head = storage.storage().events().head();
    storage.reset();
    var held =
        core.sync().sync(new Sync.Command(alice, head, Duration.ofSeconds(5), Optional.empty()));
    while (core.syncWaiter().heldCount() == 0) Thread.onSpinWait();
    long parked = total(storage);
    storage.reset();
    core.sendMessage()
        .send(new SendMessage.Command(admin, room, "y", Optional.empty(), Optional.empty()));
    held.get(5, TimeUnit.SECONDS);
    long woken = total(storage);
    assertTrue(answer <= 8, "answered at once: " + answer);
    // 23: the ban lookup at the first parking (a ban between the gate and parking signals nobody)
    assertTrue(parked + woken <= 23, "held, then woken: " + parked + " + " + woken);
    core.close();
  }

  private static long total(CountingStorage s) {
    long n = 0;
    for (Class<?> c :
        List.of(
            EventLog.class,
            MembershipRepository.class,
            RoomRepository.class,
            BanRepository.class,
            GlobalRoomRepository.class,
            AccountRepository.class)) {
      n += s.callsTo(c);
    }
    return n;
  }
}
