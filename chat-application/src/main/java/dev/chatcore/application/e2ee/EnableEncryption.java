package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.application.room.RoomViews;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomEncryption;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * {@code PUT /v1/rooms/{id}/encryption}: the room's creator or an admin turns end-to-end encryption
 * on, for good. The room's state and its {@code m.encryption} event are one step: the state is
 * stored before the event can be read, and exactly one of concurrent calls publishes the event.
 * Asking again for a room already encrypted changes nothing. No device is needed: an admin tool
 * turns encryption on without taking part in it.
 */
public final class EnableEncryption {
  /** Thrown by the position hook to abandon the event: another call turned encryption on first. */
  private static final class EnabledBefore extends RuntimeException {
    EnabledBefore() {
      super(null, null, false, false);
    }
  }

  private final RoomRepository rooms;
  private final RoomAccess access;
  private final RoomViews views;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final Clock clock;

  @Inject
  public EnableEncryption(
      RoomRepository rooms,
      RoomAccess access,
      RoomViews views,
      RegisterCaller register,
      EventPublisher publisher,
      Clock clock) {
    this.rooms = rooms;
    this.access = access;
    this.views = views;
    this.register = register;
    this.publisher = publisher;
    this.clock = clock;
  }

  /**
   * @return the room as the caller sees it, encrypted
   * @throws dev.chatcore.domain.error.InvalidInputException for an algorithm other than Megolm
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or is hidden
   * @throws ForbiddenException when the caller neither created the room nor is an admin
   */
  public RoomView enable(Caller caller, RoomId id, String algorithm) {
    RoomEncryption encryption = new RoomEncryption(algorithm);
    Account account = register.register(caller);
    Room room = access.visibleRoom(caller.id(), caller.admin(), id);
    if (!caller.admin() && room.createdBy().filter(caller.id()::equals).isEmpty()) {
      throw new ForbiddenException("only the room's creator or an admin can turn on encryption");
    }
    if (!room.isEncrypted()) publish(caller, room, encryption);
    return views.view(access.visibleRoom(caller.id(), caller.admin(), id), account);
  }

  private void publish(Caller caller, Room room, RoomEncryption encryption) {
    EventId[] tried = new EventId[1];
    try {
      publisher.publish(
          new NewEvent(
              room.id(),
              caller.id(),
              clock.instant(),
              new EventContent.Encryption(encryption.algorithm())),
          position -> {
            // offered again at a later position: the room is encrypted already, by this call
            if (tried[0] == null && !rooms.enableEncryption(room.id(), encryption))
              throw new EnabledBefore();
            tried[0] = position;
          });
    } catch (EnabledBefore concurrent) {
      // another call published the event (or the room was deleted: the view then answers 404)
    }
  }
}
