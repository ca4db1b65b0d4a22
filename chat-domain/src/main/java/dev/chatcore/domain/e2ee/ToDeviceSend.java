package dev.chatcore.domain.e2ee;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code send-to-device} request, stored as one unit: its messages enter every recipient's
 * inbox together or not at all, and a retry with the same transaction id stores nothing.
 *
 * @param key the idempotency key: sender account, sender device and transaction id
 * @param from the sending device
 * @param position the stream position the send took (shared by every message of it)
 * @param messages one content per recipient device (a device appears at most once)
 * @param expiresAt when undelivered messages are dropped (the device never synced again)
 */
public record ToDeviceSend(
    String key,
    DeviceAddress from,
    EventId position,
    String type,
    Map<DeviceAddress, JsonObjectText> messages,
    Instant expiresAt) {
  public ToDeviceSend {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(type, "type");
    messages = Map.copyOf(messages);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The key of a send: unique per sending device and transaction id. */
  public static String key(DeviceAddress from, String txnId) {
    return from.key() + "/" + txnId;
  }

  /** This send at another position (the log re-offered the one it took first). */
  public ToDeviceSend at(EventId newPosition) {
    return new ToDeviceSend(key, from, newPosition, type, messages, expiresAt);
  }

  /** The message as {@code recipient} receives it. */
  public ToDeviceMessage messageFor(DeviceAddress recipient) {
    JsonObjectText content = messages.get(recipient);
    if (content == null) throw new IllegalArgumentException(recipient + " is not a recipient");
    return new ToDeviceMessage(position, from.account(), from.device(), type, content);
  }
}
