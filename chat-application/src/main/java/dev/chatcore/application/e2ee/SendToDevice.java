package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.ToDeviceSend;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.PayloadTooLargeException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code PUT /v1/send-to-device/{type}/{txn_id}}: messages from the caller's device to devices
 * (usually Olm-encrypted room keys). The send takes one stream position and is stored, for every
 * recipient at once, before that position is readable; each recipient device gets its message
 * through its syncs until it syncs past it. Idempotent by transaction id per sending device.
 *
 * <p>Recipients: accounts the caller shares a room with (or itself); a device id or {@code *} for
 * all of an account's devices; unknown devices and strangers are skipped, as if they had no
 * devices.
 */
public final class SendToDevice {
  /** Longest event type accepted. */
  static final int TYPE_MAX_CHARS = 255;

  static final String ALL_DEVICES = "*";

  /**
   * @param messages per account, per device id or {@code *}, the content for that device
   */
  public record Command(
      Caller caller,
      String type,
      String txnId,
      Map<AccountId, Map<String, JsonObjectText>> messages) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(txnId, "txnId");
      messages = Map.copyOf(messages);
    }
  }

  /** Thrown by the position hook to abandon a position: a retry of this send won a race. */
  private static final class SentBefore extends RuntimeException {
    SentBefore() {
      super(null, null, false, false);
    }
  }

  private final ToDeviceInbox toDeviceInbox;
  private final DeviceRepository devices;
  private final EventPublisher publisher;
  private final Contacts contacts;
  private final MessagePolicy policy;
  private final E2eeLimits limits;
  private final Clock clock;

  @Inject
  public SendToDevice(
      ToDeviceInbox toDeviceInbox,
      DeviceRepository devices,
      EventPublisher publisher,
      Contacts contacts,
      MessagePolicy policy,
      E2eeLimits limits,
      Clock clock) {
    this.toDeviceInbox = toDeviceInbox;
    this.devices = devices;
    this.publisher = publisher;
    this.contacts = contacts;
    this.policy = policy;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * @return the position the send took; empty when it was sent before (a retry) or had no recipient
   * @throws InvalidInputException without a device, for a bad type, transaction id or device id, or
   *     too many recipients
   * @throws PayloadTooLargeException for a message larger than its limit
   */
  public Optional<EventId> send(Command command) {
    DeviceAddress from = command.caller().requireDevice();
    if (command.type().isBlank() || command.type().length() > TYPE_MAX_CHARS) {
      throw new InvalidInputException("event_type", "must be 1-" + TYPE_MAX_CHARS + " characters");
    }
    String key = ToDeviceSend.key(from, policy.txnId(command.txnId()));
    if (toDeviceInbox.contains(key)) return Optional.empty();
    Map<DeviceAddress, JsonObjectText> recipients = recipients(command);
    if (recipients.isEmpty()) return Optional.empty();
    Set<AccountId> accounts = new HashSet<>();
    for (DeviceAddress d : recipients.keySet()) accounts.add(d.account());
    ToDeviceSend send =
        new ToDeviceSend(
            key,
            from,
            EventId.ORIGIN,
            command.type(),
            recipients,
            clock.instant().plus(limits.toDeviceLifetime()));
    EventId[] tried = new EventId[1];
    try {
      return Optional.of(
          publisher.mark(
              Set.of(),
              accounts,
              position -> {
                if (!toDeviceInbox.store(send.at(position), Optional.ofNullable(tried[0])))
                  throw new SentBefore();
                tried[0] = position;
              }));
    } catch (SentBefore retried) {
      return Optional.empty();
    }
  }

  private Map<DeviceAddress, JsonObjectText> recipients(Command command) {
    Predicate<AccountId> visible = contacts.of(command.caller().id());
    Map<DeviceAddress, JsonObjectText> out = new HashMap<>();
    command
        .messages()
        .forEach(
            (account, byDevice) -> {
              if (!visible.test(account)) return;
              Set<DeviceId> known = new HashSet<>();
              for (Device d : devices.ofAccount(account)) known.add(d.address().device());
              JsonObjectText toAll = byDevice.get(ALL_DEVICES);
              if (toAll != null)
                for (DeviceId d : known) out.put(new DeviceAddress(account, d), checked(toAll));
              byDevice.forEach(
                  (device, content) -> {
                    if (device.equals(ALL_DEVICES)) return;
                    DeviceId id = DeviceId.parse(device, "messages." + account + "." + device);
                    if (known.contains(id))
                      out.put(new DeviceAddress(account, id), checked(content)); // overrides "*"
                  });
            });
    if (out.size() > limits.toDeviceRecipientsMax()) {
      throw new InvalidInputException(
          "messages", "reaches more than " + limits.toDeviceRecipientsMax() + " devices");
    }
    return out;
  }

  private JsonObjectText checked(JsonObjectText content) {
    if (content.sizeBytes() > limits.toDeviceMessageMaxBytes()) {
      throw new PayloadTooLargeException(
          "a to-device message is larger than " + limits.toDeviceMessageMaxBytes() + " bytes");
    }
    return content;
  }
}
