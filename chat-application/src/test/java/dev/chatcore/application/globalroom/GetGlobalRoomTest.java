package dev.chatcore.application.globalroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GetGlobalRoomTest {
  private final RoomId roomId = TestIds.room();
  private final Room room =
      new Room(
          roomId,
          RoomType.GLOBAL,
          Optional.empty(),
          Optional.empty(),
          Instant.parse("2025-01-01T00:00:00Z"),
          3,
          GlobalRoomEvents.GLOBAL_CHANNEL,
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
  private final List<AccountId> seated = List.of(TestIds.account(), TestIds.account());

  @Test
  void answersTheRoomRecordWithTheAccountsSeatedInIt() {
    GetGlobalRoom get =
        new GetGlobalRoom(rooms(Map.of(roomId, room)), seats(Map.of(roomId, seated)));

    ListGlobalRooms.Listed listed = get.get(roomId);

    assertEquals(room, listed.room());
    assertEquals(seated, listed.members());
  }

  @Test
  void aRoomDeletedSinceTheJoinIsNotFound() {
    GetGlobalRoom get = new GetGlobalRoom(rooms(Map.of()), seats(Map.of()));

    assertThrows(NotFoundException.class, () -> get.get(roomId));
  }

  private static RoomRepository rooms(Map<RoomId, Room> records) {
    return port(
        RoomRepository.class, "find", args -> Optional.ofNullable(records.get((RoomId) args[0])));
  }

  private static GlobalRoomRepository seats(Map<RoomId, List<AccountId>> members) {
    return port(
        GlobalRoomRepository.class,
        "members",
        args -> members.getOrDefault((RoomId) args[0], List.of()));
  }

  /**
   * A port that answers only {@code method}: any other call means the use case reads more than it
   * should.
   */
  private static <T> T port(Class<T> type, String method, Function<Object[], Object> answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, m, args) -> {
              if (m.getName().equals(method)) return answer.apply(args);
              throw new AssertionError(
                  "unexpected call to " + type.getSimpleName() + "." + m.getName());
            }));
  }
}
