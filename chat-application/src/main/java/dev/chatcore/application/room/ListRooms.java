package dev.chatcore.application.room;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** The rooms the caller is a member of, oldest first. */
public final class ListRooms {
  private final RoomAccess access;
  private final RoomViews views;
  private final RegisterCaller register;

  @Inject
  public ListRooms(RoomAccess access, RoomViews views, RegisterCaller register) {
    this.access = access;
    this.views = views;
    this.register = register;
  }

  public List<RoomView> list(Caller caller) {
    Account account = register.register(caller);
    return access.memberRooms(caller.id()).stream()
        .sorted(Comparator.comparing((Room r) -> r.createdAt()).thenComparing(r -> r.id()))
        .map(r -> views.view(r, account))
        .toList();
  }
}
