package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.message.MessagePosting;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.PayloadTooLargeException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts an {@code m.encrypted} message into an encrypted room the caller is a member of: the same
 * path as a plain message (membership, room ban, spam, retention, {@code txn_id}: {@link
 * MessagePosting}), with the ciphertext stored as it came. The spam check compares ciphertext, so
 * it catches only a client that replays the same bytes: Megolm gives every message its own
 * ciphertext. The content filter cannot read ciphertext and is skipped.
 */
public final class SendEncryptedMessage {
  /**
   * @param device the sending device as the content names it: it must be the caller's
   * @param senderKey the sending device's Curve25519 key, when the client still sends it
   */
  public record Command(
      Caller caller,
      RoomId room,
      String algorithm,
      String ciphertext,
      Optional<String> senderKey,
      String sessionId,
      String device,
      Optional<String> txnId) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(ciphertext, "ciphertext");
      Objects.requireNonNull(senderKey, "senderKey");
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(txnId, "txnId");
    }
  }

  private final RoomAccess access;
  private final RegisterCaller register;
  private final MessagePolicy policy;
  private final E2eeLimits limits;
  private final MessagePosting posting;

  @Inject
  public SendEncryptedMessage(
      RoomAccess access,
      RegisterCaller register,
      MessagePolicy policy,
      E2eeLimits limits,
      MessagePosting posting) {
    this.access = access;
    this.register = register;
    this.policy = policy;
    this.limits = limits;
    this.posting = posting;
  }

  /**
   * @return the stored event (the earlier one for a retried transaction id)
   * @throws InvalidInputException without a device, for a device other than the caller's, empty
   *     fields, or a room without encryption or with another algorithm
   * @throws PayloadTooLargeException for content larger than its limit
   * @throws dev.chatcore.domain.error.ForbiddenException when the caller is not a member
   * @throws dev.chatcore.domain.error.BannedException when the message is a replay flood
   */
  public Event send(Command command) {
    DeviceAddress me = command.caller().requireDevice();
    EventContent.Encrypted content = content(command, me);
    Optional<String> txnId = command.txnId().map(policy::txnId);
    register.register(command.caller());
    Room room = access.memberRoom(command.caller().id(), command.caller().admin(), command.room());
    String algorithm =
        room.encryption()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "type", "must be m.plain: this room is not end-to-end encrypted"))
            .algorithm();
    if (!algorithm.equals(content.algorithm()))
      throw new InvalidInputException("content.algorithm", "must be " + algorithm);
    return posting.publish(command.caller(), room.id(), room.type(), content, txnId);
  }

  private EventContent.Encrypted content(Command command, DeviceAddress me) {
    if (!command.device().equals(me.device().value())) {
      throw new InvalidInputException("content.device_id", "must be the device_id of the token");
    }
    required(command.ciphertext(), "content.ciphertext");
    required(command.sessionId(), "content.session_id");
    long bytes =
        bytes(command.algorithm())
            + bytes(command.ciphertext())
            + bytes(command.sessionId())
            + bytes(command.device())
            + command.senderKey().map(SendEncryptedMessage::bytes).orElse(0);
    if (bytes > limits.encryptedContentMaxBytes()) {
      throw new PayloadTooLargeException(
          "content is larger than " + limits.encryptedContentMaxBytes() + " bytes");
    }
    return new EventContent.Encrypted(
        command.algorithm(),
        command.ciphertext(),
        command.senderKey(),
        command.sessionId(),
        me.device());
  }

  private static void required(String value, String field) {
    if (value.isEmpty()) throw new InvalidInputException(field, "must not be empty");
  }

  /** UTF-8 length without encoding: ciphertext is base64, so this is a pass over ASCII. */
  private static int bytes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
}
