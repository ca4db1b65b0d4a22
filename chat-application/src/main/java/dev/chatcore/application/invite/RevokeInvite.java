package dev.chatcore.application.invite;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;

/** Admin: revokes an invite code; it creates no more accounts. */
public final class RevokeInvite {
  private final ChatStorage storage;

  @Inject
  public RevokeInvite(ChatStorage storage) {
    this.storage = storage;
  }

  /** @throws NotFoundException for an unknown code */
  public void revoke(Caller caller, String code) {
    caller.requireAdmin();
    if (!storage.invites().revoke(code)) throw new NotFoundException("invite not found");
  }
}
