package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code GET /v1/keys/changes}: the accounts (among the caller's contacts and itself) whose device
 * lists changed between two sync cursors, for a client that was away and must know whose keys to
 * query again.
 */
public final class KeyChanges {
  private final EventLog events;
  private final DeviceRepository devices;
  private final Contacts contacts;

  @Inject
  public KeyChanges(EventLog events, DeviceRepository devices, Contacts contacts) {
    this.events = events;
    this.devices = devices;
    this.contacts = contacts;
  }

  /**
   * @param from exclusive
   * @param to inclusive; capped at the stream head (a change above it may not be stored yet)
   * @throws dev.chatcore.domain.error.InvalidInputException when the caller has no device
   */
  public Set<AccountId> changes(Caller caller, EventId from, EventId to) {
    caller.requireDevice();
    EventId head = events.head();
    EventId upTo = to.isAfter(head) ? head : to;
    Set<AccountId> changed = devices.changedBetween(from, upTo);
    if (changed.isEmpty()) return Set.of();
    Predicate<AccountId> visible = contacts.of(caller.id());
    Set<AccountId> out = new TreeSet<>();
    for (AccountId a : changed) if (visible.test(a)) out.add(a);
    return out;
  }
}
