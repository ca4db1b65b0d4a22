package dev.chatcore.domain.room;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A room. Immutable; the repository stores new versions.
 *
 * @param name display name; empty for global and DM rooms
 * @param topic optional topic
 * @param number the friendly number of a global room (1-based, unique), 0 for other types
 * @param broadcastChannels Chat V2 broadcast channel flags (Global 1, Guild 2)
 * @param data opaque admin-supplied JSON object (Chat V2 {@code room.data}), may be absent
 * @param createdBy the account that created the room, absent for server-made rooms
 * @param deletedAt the {@code m.room.deleted} event, once the room was deleted (a tombstone that
 *     lets members' syncs still deliver that last event)
 * @param encryption present once end-to-end encryption was turned on; never removed
 */
public record Room(
    RoomId id,
    RoomType type,
    Optional<String> name,
    Optional<String> topic,
    Instant createdAt,
    int number,
    int broadcastChannels,
    Optional<JsonObjectText> data,
    Optional<AccountId> createdBy,
    Optional<EventId> deletedAt,
    Optional<RoomEncryption> encryption) {

  /** A room without end-to-end encryption. */
  public Room(
      RoomId id,
      RoomType type,
      Optional<String> name,
      Optional<String> topic,
      Instant createdAt,
      int number,
      int broadcastChannels,
      Optional<JsonObjectText> data,
      Optional<AccountId> createdBy,
      Optional<EventId> deletedAt) {
    this(
        id,
        type,
        name,
        topic,
        createdAt,
        number,
        broadcastChannels,
        data,
        createdBy,
        deletedAt,
        Optional.empty());
  }

  public Room {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(deletedAt, "deletedAt");
    Objects.requireNonNull(encryption, "encryption");
  }

  public boolean isEncrypted() {
    return encryption.isPresent();
  }

  /**
   * Refuses plain messages in an encrypted room: its members expect every message encrypted, and a
   * plain one would be read by the server and anyone with database access.
   *
   * @throws InvalidInputException when the room is encrypted
   */
  public void requirePlainAllowed(String field) {
    if (isEncrypted())
      throw new InvalidInputException(
          field, "must be m.encrypted: this room is end-to-end encrypted");
  }

  /** This room with encryption on. */
  public Room encrypted(RoomEncryption with) {
    return new Room(
        id,
        type,
        name,
        topic,
        createdAt,
        number,
        broadcastChannels,
        data,
        createdBy,
        deletedAt,
        Optional.of(with));
  }

  public boolean isDeleted() {
    return deletedAt.isPresent();
  }

  /** This room, deleted by the event {@code deletion}. */
  public Room deleted(EventId deletion) {
    return new Room(
        id,
        type,
        name,
        topic,
        createdAt,
        number,
        broadcastChannels,
        data,
        createdBy,
        Optional.of(deletion),
        encryption);
  }

  /** A new {@code /v1} channel. */
  public static Room channel(
      RoomId id, RoomName name, Optional<String> topic, Instant now, AccountId creator) {
    return new Room(
        id,
        RoomType.CHANNEL,
        Optional.of(name.value()),
        topic,
        now,
        0,
        0,
        Optional.empty(),
        Optional.of(creator),
        Optional.empty());
  }
}
