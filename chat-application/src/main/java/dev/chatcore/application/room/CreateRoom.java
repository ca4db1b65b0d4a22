package dev.chatcore.application.room;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomName;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Admin: creates a channel, which every account joins automatically. */
public final class CreateRoom {
  /**
   * @param topic optional, at most 512 characters after trimming
   */
  public record Command(Caller caller, String name, Optional<String> topic) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(topic, "topic");
    }
  }

  static final int TOPIC_MAX_CHARS = 512;

  private final RoomRepository rooms;
  private final EventPublisher publisher;
  private final RoomViews views;
  private final RegisterCaller register;
  private final IdGenerator ids;
  private final Limits limits;
  private final Clock clock;

  @Inject
  public CreateRoom(
      RoomRepository rooms,
      EventPublisher publisher,
      RoomViews views,
      RegisterCaller register,
      IdGenerator ids,
      Limits limits,
      Clock clock) {
    this.rooms = rooms;
    this.publisher = publisher;
    this.views = views;
    this.register = register;
    this.ids = ids;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a name or topic out of bounds
   */
  public RoomView create(Command command) {
    command.caller().requireAdmin();
    RoomName name = RoomName.of(command.name(), limits.roomNameMaxChars());
    Optional<String> topic = command.topic().map(String::strip).filter(t -> !t.isEmpty());
    if (topic.isPresent() && topic.get().length() > TOPIC_MAX_CHARS) {
      throw new InvalidInputException(
          "topic", "must be at most " + TOPIC_MAX_CHARS + " characters");
    }
    Account creator = register.register(command.caller());
    Room room = Room.channel(ids.nextRoomId(), name, topic, clock.instant(), creator.id());
    rooms.create(room);
    publisher.publishNewChannel(
        new NewEvent(
            room.id(), creator.id(), room.createdAt(), new EventContent.RoomCreated(name.value())));
    return views.view(room, creator);
  }
}
