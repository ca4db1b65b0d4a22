package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomEncryption;
import dev.chatcore.domain.room.RoomName;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RoomRepository} must have. */
public abstract class RoomRepositoryContract {
  protected abstract RoomRepository newRoomRepository();

  private static Room channel(String name, Instant at) {
    return Room.channel(
        TestIds.room(), new RoomName(name), Optional.of("topic"), at, TestIds.account());
  }

  @Test
  void storesAndFindsARoom() {
    RoomRepository rooms = newRoomRepository();
    Room room = channel("lobby", Instant.parse("2026-01-01T00:00:00Z"));
    rooms.create(room);
    assertEquals(Optional.of(room), rooms.find(room.id()));
    assertEquals(Optional.empty(), rooms.find(TestIds.room()));
  }

  @Test
  void refusesASecondRoomWithTheSameId() {
    RoomRepository rooms = newRoomRepository();
    Room room = channel("lobby", Instant.parse("2026-01-01T00:00:00Z"));
    rooms.create(room);
    assertThrows(ConflictException.class, () -> rooms.create(room));
  }

  @Test
  void listsLiveRoomsOfATypeOldestFirst() {
    RoomRepository rooms = newRoomRepository();
    Room later = channel("b", Instant.parse("2026-01-02T00:00:00Z"));
    Room earlier = channel("a", Instant.parse("2026-01-01T00:00:00Z"));
    rooms.create(later);
    rooms.create(earlier);
    assertEquals(List.of(earlier, later), rooms.listByType(RoomType.CHANNEL));
    assertEquals(List.of(), rooms.listByType(RoomType.DM));
  }

  @Test
  void deletionLeavesATombstoneOutOfListings() {
    RoomRepository rooms = newRoomRepository();
    Room room = channel("gone", Instant.parse("2026-01-01T00:00:00Z"));
    rooms.create(room);
    EventId deletion = new EventId(42);
    assertTrue(rooms.markDeleted(room.id(), deletion));
    assertFalse(rooms.markDeleted(room.id(), new EventId(43)), "deleting twice changes nothing");
    assertEquals(Optional.of(deletion), rooms.find(room.id()).orElseThrow().deletedAt());
    assertEquals(List.of(), rooms.listByType(RoomType.CHANNEL));
    assertEquals(1, rooms.listDeletedAfter(RoomType.CHANNEL, new EventId(41)).size());
    assertEquals(List.of(), rooms.listDeletedAfter(RoomType.CHANNEL, deletion));
    assertFalse(rooms.markDeleted(TestIds.room(), deletion));
  }

  @Test
  void updateReplacesALiveRoomButNeverATombstone() {
    RoomRepository rooms = newRoomRepository();
    RoomId id = TestIds.room();
    Room original =
        new Room(
            id,
            RoomType.PRIVATE,
            Optional.empty(),
            Optional.empty(),
            Instant.parse("2026-01-01T00:00:00Z"),
            0,
            2,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    rooms.create(original);
    Room withData =
        new Room(
            id,
            original.type(),
            original.name(),
            original.topic(),
            original.createdAt(),
            0,
            2,
            Optional.of(new JsonObjectText("{\"guild\":\"x\"}")),
            original.createdBy(),
            Optional.empty());
    org.junit.jupiter.api.Assertions.assertTrue(rooms.update(withData));
    org.junit.jupiter.api.Assertions.assertEquals(Optional.of(withData), rooms.find(id));
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(withData), rooms.listByType(RoomType.PRIVATE));
    rooms.markDeleted(id, new EventId(5));
    org.junit.jupiter.api.Assertions.assertFalse(rooms.update(original));
    org.junit.jupiter.api.Assertions.assertTrue(rooms.find(id).orElseThrow().isDeleted());
    org.junit.jupiter.api.Assertions.assertFalse(
        rooms.update(
            new Room(
                TestIds.room(),
                original.type(),
                original.name(),
                original.topic(),
                original.createdAt(),
                0,
                2,
                original.data(),
                original.createdBy(),
                original.deletedAt())),
        "unknown room");
  }

  @Test
  void encryptionIsTurnedOnOnceAndOnlyForALiveRoom() {
    RoomRepository rooms = newRoomRepository();
    Room room = channel("secret", Instant.parse("2026-01-01T00:00:00Z"));
    rooms.create(room);
    assertTrue(rooms.enableEncryption(room.id(), RoomEncryption.megolm()));
    assertFalse(rooms.enableEncryption(room.id(), RoomEncryption.megolm()), "already on");
    assertEquals(
        Optional.of(RoomEncryption.megolm()), rooms.find(room.id()).orElseThrow().encryption());
    assertFalse(rooms.enableEncryption(TestIds.room(), RoomEncryption.megolm()), "no such room");
    Room gone = channel("gone", Instant.parse("2026-01-01T00:00:00Z"));
    rooms.create(gone);
    rooms.markDeleted(gone.id(), new EventId(7));
    assertFalse(rooms.enableEncryption(gone.id(), RoomEncryption.megolm()), "a tombstone");
    assertTrue(rooms.markDeleted(room.id(), new EventId(9)));
    assertEquals(
        Optional.of(RoomEncryption.megolm()),
        rooms.find(room.id()).orElseThrow().encryption(),
        "the tombstone keeps it");
  }

  @Test
  void anUpdateNeverTurnsEncryptionOff() {
    RoomRepository rooms = newRoomRepository();
    Room room = channel("secret", Instant.parse("2026-01-01T00:00:00Z"));
    rooms.create(room);
    rooms.enableEncryption(room.id(), RoomEncryption.megolm());
    Room renamed =
        new Room(
            room.id(),
            room.type(),
            Optional.of("renamed"),
            room.topic(),
            room.createdAt(),
            0,
            0,
            Optional.empty(),
            room.createdBy(),
            Optional.empty());
    assertTrue(rooms.update(renamed));
    Room stored = rooms.find(room.id()).orElseThrow();
    assertEquals(Optional.of("renamed"), stored.name());
    assertEquals(Optional.of(RoomEncryption.megolm()), stored.encryption());
  }

  @Test
  void purgeTombstoneRemovesOnlyTombstones() {
    RoomRepository rooms = newRoomRepository();
    RoomId live = TestIds.room();
    RoomId gone = TestIds.room();
    for (RoomId id : List.of(live, gone)) {
      rooms.create(
          new Room(
              id,
              RoomType.PRIVATE,
              Optional.empty(),
              Optional.empty(),
              Instant.parse("2026-01-01T00:00:00Z"),
              0,
              2,
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
    }
    rooms.markDeleted(gone, new EventId(9));
    assertFalse(rooms.purgeTombstone(live), "a live room stays");
    assertTrue(rooms.find(live).isPresent());
    assertTrue(rooms.purgeTombstone(gone));
    assertTrue(rooms.find(gone).isEmpty());
    assertEquals(List.of(), rooms.listDeletedAfter(RoomType.PRIVATE, EventId.ORIGIN));
    assertFalse(rooms.purgeTombstone(gone));
    assertFalse(rooms.purgeTombstone(TestIds.room()));
  }
}
