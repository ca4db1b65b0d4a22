package dev.chatcore.application.invite;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.InviteRepository;
import jakarta.inject.Inject;
import java.util.List;

/** Admin: every invite, newest first, including used, expired and revoked ones. */
public final class ListInvites {
  private final InviteRepository invites;

  @Inject
  public ListInvites(InviteRepository invites) {
    this.invites = invites;
  }

  public List<Invite> list(Caller caller) {
    caller.requireAdmin();
    return invites.list();
  }
}
