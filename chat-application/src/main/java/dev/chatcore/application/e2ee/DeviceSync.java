package dev.chatcore.application.e2ee;

import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import dev.chatcore.domain.sync.DeviceUpdates;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A device's share of one stream window: its to-device messages and the device-list changes at
 * positions in the window. Any reader of the stream that has read the log head and then the events
 * of {@code (since, upTo]} calls {@link #read} with them — the long-poll sync, and the live streams
 * — and gets the window back, cut shorter when more to-device messages wait than one answer
 * carries.
 *
 * <p>Why nothing is skipped or repeated: a to-device send and a device-list change each take a
 * stream position and are stored before that position is readable, so every one at or below the
 * head the reader read is in the store when the reader reads it; the window is the same {@code
 * (since, upTo]} as the events', and the next window starts where this one ended
 * (docs/architecture.md, "To-device messages and device lists").
 */
public final class DeviceSync {
  /**
   * One window as delivered.
   *
   * @param events the events of the window (a prefix of those read when the window was cut)
   * @param upTo the window's end: the next cursor
   * @param limited true when more waits after {@code upTo}
   */
  public record Window(
      List<Event> events,
      EventId upTo,
      boolean limited,
      List<ToDeviceMessage> toDevice,
      Set<AccountId> changed,
      Set<AccountId> left) {
    public Window {
      events = List.copyOf(events);
      Objects.requireNonNull(upTo, "upTo");
      toDevice = List.copyOf(toDevice);
      changed = Set.copyOf(changed);
      left = Set.copyOf(left);
    }

    /** True when the device has something beside the events: an answer is due for it alone. */
    public boolean hasDeviceNews() {
      return !toDevice.isEmpty() || !changed.isEmpty() || !left.isEmpty();
    }
  }

  private final ToDeviceInbox toDeviceInbox;
  private final DeviceRepository devices;
  private final OneTimeKeyRepository oneTimeKeys;
  private final Contacts contacts;
  private final DeviceActivity activity;
  private final E2eeLimits limits;

  @Inject
  public DeviceSync(
      ToDeviceInbox toDeviceInbox,
      DeviceRepository devices,
      OneTimeKeyRepository oneTimeKeys,
      Contacts contacts,
      DeviceActivity activity,
      E2eeLimits limits) {
    this.toDeviceInbox = toDeviceInbox;
    this.devices = devices;
    this.oneTimeKeys = oneTimeKeys;
    this.contacts = contacts;
    this.activity = activity;
    this.limits = limits;
  }

  /**
   * The device starts reading after {@code since}: it has everything up to there, so its to-device
   * messages up to there are removed (this is their acknowledgement), and it was seen now. Call
   * once per request, before reading.
   */
  public void arrive(DeviceAddress device, EventId since) {
    activity.seen(device);
    toDeviceInbox.acknowledge(device, since);
  }

  /**
   * The device's share of the window {@code (since, upTo]} whose visible events are {@code events}.
   *
   * @param limited whether more events wait after {@code upTo}
   */
  public Window read(
      DeviceAddress device, EventId since, List<Event> events, EventId upTo, boolean limited) {
    int max = limits.toDeviceBatchMax();
    List<ToDeviceMessage> toDevice = toDeviceInbox.read(device, since, upTo, max + 1);
    if (toDevice.size() > max) {
      // one message per device and position, so cutting after the max-th keeps whole positions
      toDevice = toDevice.subList(0, max);
      EventId cut = toDevice.get(max - 1).position();
      events = events.stream().filter(e -> !e.id().isAfter(cut)).toList();
      upTo = cut;
      limited = true;
    }
    Set<AccountId> changed = new HashSet<>(devices.changedBetween(since, upTo));
    Set<AccountId> left = new HashSet<>();
    membershipNews(device.account(), events, changed, left);
    if (!changed.isEmpty() || !left.isEmpty()) {
      Predicate<AccountId> shares = contacts.of(device.account());
      changed.removeIf(a -> !shares.test(a));
      left.removeIf(shares);
      changed.removeAll(left);
    }
    return new Window(events, upTo, limited, toDevice, changed, left);
  }

  /**
   * Membership events among the delivered ones: someone who joined one of the caller's rooms may be
   * new to it (its keys are wanted: "changed"); someone who left, was kicked or banned may share no
   * room with it any more ("left", once checked).
   */
  private static void membershipNews(
      AccountId viewer, List<Event> events, Set<AccountId> changed, Set<AccountId> left) {
    for (Event e : events) {
      if (!(e.content() instanceof EventContent.Member m) || m.target().equals(viewer)) continue;
      if (m.membership() == Membership.JOIN) changed.add(m.target());
      else left.add(m.target());
    }
  }

  /** The updates an answer carries for the device: the window's share and its key counts now. */
  public DeviceUpdates updates(DeviceAddress device, Window window) {
    return new DeviceUpdates(
        window.toDevice(),
        window.changed(),
        window.left(),
        oneTimeKeys.counts(device),
        oneTimeKeys.unusedFallbackAlgorithms(device));
  }

  /** The updates of an answer with nothing new: the key counts alone. */
  public DeviceUpdates idle(DeviceAddress device) {
    return new DeviceUpdates(
        List.of(),
        Set.of(),
        Set.of(),
        oneTimeKeys.counts(device),
        oneTimeKeys.unusedFallbackAlgorithms(device));
  }
}
