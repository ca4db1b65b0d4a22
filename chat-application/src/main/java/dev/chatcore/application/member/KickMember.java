package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Admin: removes a member from a room ({@code m.member} {@code kick}); it may join again (to keep
 * it out, {@link BanMember}). What a removal does besides: {@link MemberRemoval}.
 */
public final class KickMember {
  public record Command(Caller caller, RoomId room, AccountId target) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(target, "target");
    }
  }

  private final MemberRemoval removal;

  @Inject
  public KickMember(MemberRemoval removal) {
    this.removal = removal;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room or the account does not exist, or the account is not a
   *     member
   */
  public void kick(Command command) {
    removal.remove(
        command.caller(),
        command.room(),
        command.target(),
        state -> {
          if (state.filter(MemberState::isMember).isEmpty()) {
            throw new NotFoundException("user is not a member of this room");
          }
          return Optional.of(Membership.KICK);
        });
  }
}
