package dev.chatcore.application.room;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.domain.id.RoomId;
import jakarta.inject.Inject;

/** One room, when the caller may see it. */
public final class GetRoom {
  private final RoomAccess access;
  private final RoomViews views;
  private final RegisterCaller register;

  @Inject
  public GetRoom(RoomAccess access, RoomViews views, RegisterCaller register) {
    this.access = access;
    this.views = views;
    this.register = register;
  }

  /**
   * @throws dev.chatcore.domain.error.NotFoundException when it does not exist or is hidden
   */
  public RoomView get(Caller caller, RoomId id) {
    return views.view(
        access.visibleRoom(caller.id(), caller.admin(), id), register.register(caller));
  }
}
