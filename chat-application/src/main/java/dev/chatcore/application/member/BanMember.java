package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Admin: removes an account from a room and keeps it out until {@link UnbanMember unbanned} ({@code
 * m.member} {@code ban}). Banning works on non-members too (it keeps them out); banning a banned
 * account publishes nothing. What a removal does besides: {@link MemberRemoval}.
 */
public final class BanMember {
  public record Command(Caller caller, RoomId room, AccountId target) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(target, "target");
    }
  }

  private final MemberRemoval removal;

  @Inject
  public BanMember(MemberRemoval removal) {
    this.removal = removal;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws dev.chatcore.domain.error.NotFoundException when the room or the account does not exist
   */
  public void ban(Command command) {
    removal.remove(
        command.caller(),
        command.room(),
        command.target(),
        state ->
            state.filter(s -> s == MemberState.BANNED).isPresent()
                ? Optional.empty()
                : Optional.of(Membership.BAN));
  }
}
