package dev.chatcore.application.e2ee;

import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.DeviceRepository;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Announces that an account's device list changed (a device got keys, new keys, or was deleted):
 * records the change at a stream position of its own, stored before that position is readable, so a
 * sync window covers it exactly once (docs/architecture.md, "To-device messages and device lists"),
 * and wakes the syncs of the account's rooms, where its contacts wait, and its own.
 */
public final class DeviceLists {
  private final DeviceRepository devices;
  private final EventPublisher publisher;
  private final Contacts contacts;

  @Inject
  public DeviceLists(DeviceRepository devices, EventPublisher publisher, Contacts contacts) {
    this.devices = devices;
    this.publisher = publisher;
    this.contacts = contacts;
  }

  /**
   * @return the position of the change
   */
  public EventId changed(AccountId account) {
    EventId[] tried = new EventId[1];
    return publisher.mark(
        contacts.roomsOf(account),
        Set.of(account),
        position -> {
          devices.recordChange(account, position, Optional.ofNullable(tried[0]));
          tried[0] = position;
        });
  }
}
