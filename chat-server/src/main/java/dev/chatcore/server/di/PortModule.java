package dev.chatcore.server.di;

import dagger.Module;
import dagger.Provides;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.PreferencesRepository;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.port.StreamTicketRepository;
import dev.chatcore.domain.port.ToDeviceInbox;

/**
 * Each port of the storage the core runs on, so that Dagger builds every use case with only the
 * ports it uses (the storage itself comes from the storage's module).
 */
@Module
public interface PortModule {
  @Provides
  static AccountRepository accounts(ChatStorage storage) {
    return storage.accounts();
  }

  @Provides
  static RoomRepository rooms(ChatStorage storage) {
    return storage.rooms();
  }

  @Provides
  static MembershipRepository memberships(ChatStorage storage) {
    return storage.memberships();
  }

  @Provides
  static EventLog events(ChatStorage storage) {
    return storage.events();
  }

  @Provides
  static InviteRepository invites(ChatStorage storage) {
    return storage.invites();
  }

  @Provides
  static BanRepository bans(ChatStorage storage) {
    return storage.bans();
  }

  @Provides
  static ReactionRepository reactions(ChatStorage storage) {
    return storage.reactions();
  }

  @Provides
  static ReceiptRepository receipts(ChatStorage storage) {
    return storage.receipts();
  }

  @Provides
  static GlobalRoomRepository globalRooms(ChatStorage storage) {
    return storage.globalRooms();
  }

  @Provides
  static DmRoomRepository dmRooms(ChatStorage storage) {
    return storage.dmRooms();
  }

  @Provides
  static ActivityRepository activity(ChatStorage storage) {
    return storage.activity();
  }

  @Provides
  static PreferencesRepository preferences(ChatStorage storage) {
    return storage.preferences();
  }

  @Provides
  static ReportRepository reports(ChatStorage storage) {
    return storage.reports();
  }

  @Provides
  static AnnouncementRepository announcements(ChatStorage storage) {
    return storage.announcements();
  }

  @Provides
  static HackedMessageRepository hackedMessages(ChatStorage storage) {
    return storage.hackedMessages();
  }

  @Provides
  static StreamTicketRepository streamTickets(ChatStorage storage) {
    return storage.streamTickets();
  }

  @Provides
  static DeviceRepository devices(ChatStorage storage) {
    return storage.devices();
  }

  @Provides
  static OneTimeKeyRepository oneTimeKeys(ChatStorage storage) {
    return storage.oneTimeKeys();
  }

  @Provides
  static ToDeviceInbox toDeviceInbox(ChatStorage storage) {
    return storage.toDeviceInbox();
  }

  @Provides
  static EventFeed feed(ChatStorage storage) {
    return storage.feed();
  }

  @Provides
  static ChatStorage.Lifecycle lifecycle(ChatStorage storage) {
    return storage.lifecycle();
  }
}
