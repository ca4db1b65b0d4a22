package dev.chatcore.application.admin;

import jakarta.inject.Inject;

/**
 * The Chat V2 admin use cases ({@code /chat/admin/...}), held together for their routes ({@link
 * dev.chatcore.application.ChatCore#admin()} holds the ones the core wired). Every one refuses a
 * non-admin caller with {@link dev.chatcore.domain.error.ForbiddenException}.
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

  @Inject
  public AdminServices(
      Broadcast broadcast,
      ListReports listReports,
      ReviewReport reviewReport,
      CreatePrivateRoom createPrivateRoom,
      UpdatePrivateRoom updatePrivateRoom,
      ListAdminRooms listRooms,
      ListAdminMessages listMessages,
      SearchMessages searchMessages,
      DeleteMessage deleteMessage,
      EditMessage editMessage,
      AdminAnnouncements announcements) {
    this.broadcast = broadcast;
    this.listReports = listReports;
    this.reviewReport = reviewReport;
    this.createPrivateRoom = createPrivateRoom;
    this.updatePrivateRoom = updatePrivateRoom;
    this.listRooms = listRooms;
    this.listMessages = listMessages;
    this.searchMessages = searchMessages;
    this.deleteMessage = deleteMessage;
    this.editMessage = editMessage;
    this.announcements = announcements;
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
