package dev.chatcore.application.receipt;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/**
 * Marks a room read up to a message. The receipt never moves backwards: an earlier or equal message
 * changes and publishes nothing; a later one moves it and publishes {@code m.receipt}. Under
 * concurrent posts the receipt ends at the latest message given, and on one node the published
 * receipts of an account only ever move forward.
 */
public final class PostReceipt {
  /**
   * @param upTo the message read up to (inclusive); must be a message of the room
   */
  public record Command(Caller caller, RoomId room, EventId upTo) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(upTo, "upTo");
    }
  }

  private record Key(RoomId room, AccountId account) {}

  private final EventLog events;
  private final ReceiptRepository receipts;
  private final RoomAccess access;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final KeyedLocks locks;
  private final Clock clock;

  @Inject
  public PostReceipt(
      EventLog events,
      ReceiptRepository receipts,
      RoomAccess access,
      RegisterCaller register,
      EventPublisher publisher,
      KeyedLocks locks,
      Clock clock) {
    this.events = events;
    this.receipts = receipts;
    this.access = access;
    this.register = register;
    this.publisher = publisher;
    this.locks = locks;
    this.clock = clock;
  }

  /**
   * @return the caller's receipt after the call (the later of the old one and {@code upTo})
   * @throws NotFoundException when the room is hidden or {@code upTo} is not a message of it
   * @throws dev.chatcore.domain.error.ForbiddenException when the caller is not a member
   */
  public EventId post(Command command) {
    Caller caller = command.caller();
    register.register(caller);
    Room room = access.memberRoom(caller.id(), caller.admin(), command.room());
    events
        .find(command.upTo())
        .filter(e -> e.isMessage() && e.room().equals(room.id()))
        .orElseThrow(() -> new NotFoundException("event_id is not a message of this room"));
    return locks.withLock(
        new Key(room.id(), caller.id()),
        () -> {
          if (receipts.advance(room.id(), caller.id(), command.upTo())) {
            publisher.publish(
                new NewEvent(
                    room.id(),
                    caller.id(),
                    clock.instant(),
                    new EventContent.Receipt(caller.id(), command.upTo())));
          }
          return receipts.find(room.id(), caller.id()).orElse(command.upTo());
        });
  }
}
