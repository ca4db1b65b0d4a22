package dev.chatcore.application.invite;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.port.InviteRepository;
import jakarta.inject.Inject;

/** Admin: revokes an invite code; it creates no more accounts. */
public final class RevokeInvite {
  private final InviteRepository invites;

  @Inject
  public RevokeInvite(InviteRepository invites) {
    this.invites = invites;
  }

  /**
   * @throws NotFoundException for an unknown code
   */
  public void revoke(Caller caller, String code) {
    caller.requireAdmin();
    if (!invites.revoke(code)) throw new NotFoundException("invite not found");
  }
}
