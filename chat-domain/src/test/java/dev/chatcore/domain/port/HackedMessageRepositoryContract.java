package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link HackedMessageRepository} must have. */
public abstract class HackedMessageRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract HackedMessageRepository newHackedMessageRepository();

  private static HackedMessage at(String id, Instant created) {
    return new HackedMessage(
        id, TestIds.account(), TestIds.room(), "psst", Optional.empty(), created);
  }

  @Test
  void listsNewestFirstWithPagingAndPurgesOldOnes() {
    HackedMessageRepository store = newHackedMessageRepository();
    HackedMessage a = at("000000000000000000000001", T0);
    HackedMessage b = at("000000000000000000000002", T0.plusSeconds(1));
    HackedMessage c = at("000000000000000000000003", T0.plusSeconds(2));
    store.record(a);
    store.record(c);
    store.record(b);
    assertEquals(List.of(c, b, a), store.list(0, 10));
    assertEquals(List.of(b), store.list(1, 1));
    assertEquals(3, store.count());
    assertEquals(2, store.purgeBefore(T0.plusSeconds(2)));
    assertEquals(List.of(c), store.list(0, 10));
  }

  @Test
  void listsAndCountsBySenderAndRoomAndFindsById() {
    HackedMessageRepository store = newHackedMessageRepository();
    AccountId sender = TestIds.account();
    RoomId room = TestIds.room();
    HackedMessage a =
        new HackedMessage("000000000000000000000001", sender, room, "a", Optional.empty(), T0);
    HackedMessage b =
        new HackedMessage(
            "000000000000000000000002",
            sender,
            TestIds.room(),
            "b",
            Optional.empty(),
            T0.plusSeconds(1));
    HackedMessage c = at("000000000000000000000003", T0.plusSeconds(2));
    store.record(a);
    store.record(b);
    store.record(c);
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(b, a), store.list(Optional.empty(), Optional.of(sender), 0, 10));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(a), store.list(Optional.of(room), Optional.of(sender), 0, 10));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(a), store.list(Optional.empty(), Optional.of(sender), 1, 10));
    org.junit.jupiter.api.Assertions.assertEquals(
        2, store.count(Optional.empty(), Optional.of(sender)));
    org.junit.jupiter.api.Assertions.assertEquals(
        3, store.count(Optional.empty(), Optional.empty()));
    org.junit.jupiter.api.Assertions.assertEquals(Optional.of(c), store.find(c.id()));
    org.junit.jupiter.api.Assertions.assertEquals(
        Optional.empty(), store.find("00000000000000000000000f"));
  }
}
