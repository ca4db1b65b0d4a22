package dev.chatcore.application.invite;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.util.List;

/** Admin: every invite, newest first, including used, expired and revoked ones. */
public final class ListInvites {
  private final ChatStorage storage;

  @Inject
  public ListInvites(ChatStorage storage) {
    this.storage = storage;
  }

  public List<Invite> list(Caller caller) {
    caller.requireAdmin();
    return storage.invites().list();
  }
}
