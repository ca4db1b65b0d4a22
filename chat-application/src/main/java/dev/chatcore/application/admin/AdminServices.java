package dev.chatcore.application.admin;

import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import java.time.Clock;

/**
 * The Chat V2 admin use cases ({@code /chat/admin/...}), wired by hand from the core's shared
 * collaborators ({@link dev.chatcore.application.ChatCore#admin()} holds one). Every one refuses
 * a non-admin caller with {@link dev.chatcore.domain.error.ForbiddenException}.
 */
public final class AdminServices {
  private final Broadcast broadcast;
  private final ListReports listReports;
  private final ReviewReport reviewReport;
  private final CreatePrivateRoom createPrivateRoom;
  private final UpdatePrivateRoom updatePrivateRoom;
  private final ListAdminRooms listRooms;
  private final ListAdminMessages listMessages;
  private final SearchMessages searchMessages;
  private final DeleteMessage deleteMessage;
  private final EditMessage editMessage;
  private final AdminAnnouncements announcements;

  public AdminServices(ChatStorage storage, Limits limits, Retention retention, Clock clock, IdGenerator ids,
      MessagePolicy policy, RegisterCaller register, EventPublisher publisher) {
    this.broadcast = new Broadcast(storage, register, publisher, policy, ids, retention, clock);
    this.listReports = new ListReports(storage);
    this.reviewReport = new ReviewReport(storage);
    MembershipChange change = new MembershipChange(storage.memberships(), storage.receipts(), publisher, clock);
    KeyedLocks roomLocks = new KeyedLocks();
    this.createPrivateRoom = new CreatePrivateRoom(storage.rooms(), register, publisher, change, ids, limits,
        roomLocks, clock);
    this.updatePrivateRoom = new UpdatePrivateRoom(storage.rooms(), storage.memberships(), storage.events(), register,
        change, new RoomDeletion(storage.rooms(), storage.dmRooms(), publisher, clock), limits, roomLocks);
    this.listRooms = new ListAdminRooms(storage, new dev.chatcore.application.chat.ChatVisibility(storage));
    this.listMessages = new ListAdminMessages(storage.events(), storage.hackedMessages());
    this.searchMessages = new SearchMessages(storage.events());
    this.deleteMessage = new DeleteMessage(storage.events(), publisher, clock);
    this.editMessage = new EditMessage(storage, publisher, policy, clock);
    this.announcements = new AdminAnnouncements(storage.announcements(), policy, clock);
  }

  public AdminAnnouncements announcements() {
    return announcements;
  }

  public EditMessage editMessage() {
    return editMessage;
  }

  public ListAdminMessages listMessages() {
    return listMessages;
  }

  public SearchMessages searchMessages() {
    return searchMessages;
  }

  public DeleteMessage deleteMessage() {
    return deleteMessage;
  }

  public CreatePrivateRoom createPrivateRoom() {
    return createPrivateRoom;
  }

  public UpdatePrivateRoom updatePrivateRoom() {
    return updatePrivateRoom;
  }

  public ListAdminRooms listRooms() {
    return listRooms;
  }

  public Broadcast broadcast() {
    return broadcast;
  }

  public ListReports listReports() {
    return listReports;
  }

  public ReviewReport reviewReport() {
    return reviewReport;
  }
}
