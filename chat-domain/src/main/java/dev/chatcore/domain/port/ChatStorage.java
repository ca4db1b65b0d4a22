package dev.chatcore.domain.port;

import dev.chatcore.domain.error.UnavailableException;

/** Everything the core stores, as one unit that an adapter provides and closes. */
public interface ChatStorage extends AutoCloseable {

  AccountRepository accounts();

  RoomRepository rooms();

  MembershipRepository memberships();

  EventLog events();

  InviteRepository invites();

  BanRepository bans();

  ReactionRepository reactions();

  ReceiptRepository receipts();

  /** Chat V2: seats in global rooms. */
  GlobalRoomRepository globalRooms();

  /** Chat V2: the open DM room of each member set. */
  DmRoomRepository dmRooms();

  /** Chat V2: last activity of players. */
  ActivityRepository activity();

  /** Chat V2: player preferences. */
  PreferencesRepository preferences();

  /** Chat V2: player reports. */
  ReportRepository reports();

  /** Chat V2: announcements (written by the admin API). */
  AnnouncementRepository announcements();

  /** Chat V2: messages flagged "hacked". */
  HackedMessageRepository hackedMessages();

  /** End-to-end encryption: devices, their keys and device-list changes. */
  DeviceRepository devices();

  /** End-to-end encryption: one-time and fallback keys. */
  OneTimeKeyRepository oneTimeKeys();

  /** End-to-end encryption: to-device messages waiting for their device. */
  ToDeviceInbox toDeviceInbox();

  /** Cross-node change notifications; a no-op feed ({@code local}) for single-process stores. */
  EventFeed feed();

  /**
   * Asks the store whether it answers.
   *
   * @throws UnavailableException when it does not
   */
  void checkReady();

  /** A short name of the storage for logs and {@code /.well-known}, e.g. {@code memory}. */
  String kind();

  @Override
  void close();
}
