package dev.chatcore.application.typing;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Says that the caller started (for {@code timeout}) or stopped typing in a room: an {@code
 * m.typing} event about the sender. Every typing event expires from storage after {@code
 * typing_timeout_ms.max}, the longest any notice can hold, so that a client catching up always
 * finds a stop or a newer start next to any start it still gets.
 */
public final class SetTyping {
  /**
   * @param timeout how long the notice holds; empty means the default, above the max is clamped
   */
  public record Command(Caller caller, RoomId room, boolean typing, Optional<Duration> timeout) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  private final RoomAccess access;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final Limits limits;
  private final Clock clock;

  @Inject
  public SetTyping(
      RoomAccess access,
      RegisterCaller register,
      EventPublisher publisher,
      Limits limits,
      Clock clock) {
    this.access = access;
    this.register = register;
    this.publisher = publisher;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * @return how long the notice holds (zero for a stop)
   * @throws InvalidInputException when the timeout is not positive
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or is hidden
   * @throws dev.chatcore.domain.error.ForbiddenException when the caller is not a member
   */
  public Duration set(Command command) {
    Duration timeout = command.timeout().orElse(limits.typingTimeoutDefault());
    if (timeout.isNegative() || timeout.isZero())
      throw new InvalidInputException("timeout", "must be a positive number of milliseconds");
    if (timeout.compareTo(limits.typingTimeoutMax()) > 0) timeout = limits.typingTimeoutMax();
    Duration holds = command.typing() ? timeout : Duration.ZERO;
    register.register(command.caller());
    access.memberRoom(command.caller().id(), command.caller().admin(), command.room());
    Instant now = clock.instant();
    publisher.publish(
        NewEvent.expiring(
            command.room(),
            command.caller().id(),
            now,
            new EventContent.Typing(
                command.typing() ? List.of(command.caller().id()) : List.of(), holds),
            now.plus(limits.typingTimeoutMax())));
    return holds;
  }
}
