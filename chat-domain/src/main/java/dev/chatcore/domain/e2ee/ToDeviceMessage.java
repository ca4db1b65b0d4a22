package dev.chatcore.domain.e2ee;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.util.Objects;

/**
 * A message from one device to another ({@code m.room_key}, an Olm {@code m.room.encrypted}, a
 * verification step...). Not a room event: it lives in the recipient device's inbox until that
 * device has synced past it.
 *
 * @param position the stream position its send took: a sync delivers it when its window covers this
 *     position, exactly like an event (docs/architecture.md, "To-device messages")
 * @param type the client's event type, e.g. {@code m.room.encrypted}
 * @param content opaque to the server (usually Olm ciphertext)
 */
public record ToDeviceMessage(
    EventId position,
    AccountId sender,
    DeviceId senderDevice,
    String type,
    JsonObjectText content) {
  public ToDeviceMessage {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(senderDevice, "senderDevice");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(content, "content");
  }
}
