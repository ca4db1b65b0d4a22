package dev.chatcore.application.admin;

import dev.chatcore.application.account.RegisterCaller;
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
  private final PrivateRooms privateRooms;
  private final ListAdminRooms listRooms;
  private final AdminMessages messages;
  private final EditMessage editMessage;
  private final AdminAnnouncements announcements;

  public AdminServices(ChatStorage storage, Limits limits, Retention retention, Clock clock, IdGenerator ids,
      MessagePolicy policy, RegisterCaller register, EventPublisher publisher) {
    this.broadcast = new Broadcast(storage, register, publisher, policy, ids, retention, clock);
    this.listReports = new ListReports(storage);
    this.reviewReport = new ReviewReport(storage);
    this.privateRooms = new PrivateRooms(storage, register, publisher, ids, limits, clock);
    this.listRooms = new ListAdminRooms(storage, new dev.chatcore.application.chat.ChatVisibility(storage));
    this.messages = new AdminMessages(storage, publisher, clock);
    this.editMessage = new EditMessage(storage, publisher, policy, clock);
    this.announcements = new AdminAnnouncements(storage.announcements(), policy, clock);
  }

  public AdminAnnouncements announcements() {
    return announcements;
  }

  public EditMessage editMessage() {
    return editMessage;
  }

  public AdminMessages messages() {
    return messages;
  }

  public PrivateRooms privateRooms() {
    return privateRooms;
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
