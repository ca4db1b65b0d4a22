package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

/** Every port in memory: everything works, nothing survives a restart. */
public final class InMemoryChatStorage {
  private InMemoryChatStorage() {}

  /**
   * Empty storage on the system clock.
   *
   * @return storage whose expiring events lapse by the system clock
   */
  public static ChatStorage create() {
    return create(Clock.systemUTC());
  }

  /**
   * Empty storage on the core's clock.
   *
   * @param clock the core's clock
   * @return storage whose expiring events (typing notices) lapse by {@code clock}
   */
  public static ChatStorage create(Clock clock) {
    InMemoryEventFeed feed = new InMemoryEventFeed();
    return ChatStorage.builder()
        .accounts(new InMemoryAccountRepository())
        .rooms(new InMemoryRoomRepository())
        .memberships(new InMemoryMembershipRepository())
        .events(new InMemoryEventLog(clock))
        .invites(new InMemoryInviteRepository())
        .bans(new InMemoryBanRepository())
        .reactions(new InMemoryReactionRepository())
        .receipts(new InMemoryReceiptRepository())
        .globalRooms(new InMemoryGlobalRoomRepository())
        .dmRooms(new InMemoryDmRoomRepository())
        .activity(new InMemoryActivityRepository())
        .preferences(new InMemoryPreferencesRepository())
        .reports(new InMemoryReportRepository())
        .announcements(new InMemoryAnnouncementRepository())
        .hackedMessages(new InMemoryHackedMessageRepository())
        .streamTickets(new InMemoryStreamTicketRepository())
        .devices(new InMemoryDeviceRepository())
        .oneTimeKeys(new InMemoryOneTimeKeyRepository())
        .toDeviceInbox(new InMemoryToDeviceInbox())
        .feed(feed)
        .lifecycle(
            new ChatStorage.Lifecycle() {
              @Override
              public void checkReady() {
                // memory always answers
              }

              @Override
              public String kind() {
                return "memory";
              }

              @Override
              public void close() {
                feed.close();
              }
            })
        .build();
  }
}
