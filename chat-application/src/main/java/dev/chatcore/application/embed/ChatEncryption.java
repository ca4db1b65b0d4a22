package dev.chatcore.application.embed;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.e2ee.ClaimKeys;
import dev.chatcore.application.e2ee.DeleteDevice;
import dev.chatcore.application.e2ee.EnableEncryption;
import dev.chatcore.application.e2ee.KeyChanges;
import dev.chatcore.application.e2ee.ListDevices;
import dev.chatcore.application.e2ee.QueryKeys;
import dev.chatcore.application.e2ee.SendEncryptedMessage;
import dev.chatcore.application.e2ee.SendToDevice;
import dev.chatcore.application.e2ee.UploadKeys;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.RoomEncryption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The embedding API of end-to-end encryption ({@link Chat#e2ee()}), behind the same gate as the
 * rest of {@link Chat}. The host's clients encrypt and decrypt (with an Olm/Megolm library); this
 * routes their keys and ciphertext. Every method but {@link #enableEncryption} needs a caller on a
 * device ({@link Caller#on(DeviceId)}), and {@link Chat#waitForEvents} with such a caller returns
 * the device's to-device messages, device-list changes and key counts ({@code SyncBatch.device()}).
 * As on {@link Chat}, each method names under <i>See also</i> the use case whose Javadoc states its
 * refusals past the gate.
 */
public final class ChatEncryption {
  private final ChatCore core;
  private final Gate gate;

  /** The facade's gate: bans and the rate limit, before the call. */
  @FunctionalInterface
  interface Gate {
    <T> T gated(Caller caller, Supplier<T> call);
  }

  ChatEncryption(ChatCore core, Gate gate) {
    this.core = core;
    this.gate = gate;
  }

  /**
   * Publishes the device's keys and adds one-time and fallback keys ({@code POST /v1/keys/upload}).
   *
   * @param command the caller on its device and the keys
   * @return the device's unclaimed one-time keys by algorithm
   * @see UploadKeys#upload
   */
  public Map<String, Long> uploadKeys(UploadKeys.Command command) {
    return gate.gated(command.caller(), () -> core.uploadKeys().upload(command));
  }

  /**
   * The device keys of accounts the caller shares a room with ({@code POST /v1/keys/query}).
   *
   * @param caller who asks, on a device
   * @param wanted per account, the devices wanted (empty: all)
   * @return per account it may see, its devices' keys as uploaded
   * @see QueryKeys#query
   */
  public Map<AccountId, Map<DeviceId, DeviceKeys>> queryKeys(
      Caller caller, Map<AccountId, List<DeviceId>> wanted) {
    return gate.gated(caller, () -> core.queryKeys().query(caller, wanted));
  }

  /**
   * One key per device, each one-time key handed out once ({@code POST /v1/keys/claim}).
   *
   * @param caller who asks, on a device
   * @param wanted per account and device, the algorithm wanted
   * @return per account, the devices that had a key, with it
   * @see ClaimKeys#claim
   */
  public Map<AccountId, Map<DeviceId, ClaimedKey>> claimKeys(
      Caller caller, Map<AccountId, Map<DeviceId, String>> wanted) {
    return gate.gated(caller, () -> core.claimKeys().claim(caller, wanted));
  }

  /**
   * Accounts whose device lists changed between two cursors ({@code GET /v1/keys/changes}).
   *
   * @param caller who asks, on a device
   * @param from exclusive cursor
   * @param to inclusive cursor
   * @return the caller's contacts (and itself) with a change in {@code (from, to]}
   * @see KeyChanges#changes
   */
  public Set<AccountId> keyChanges(Caller caller, EventId from, EventId to) {
    return gate.gated(caller, () -> core.keyChanges().changes(caller, from, to));
  }

  /**
   * Sends to-device messages, idempotent by transaction id ({@code PUT /v1/send-to-device}).
   *
   * @param command the sender on its device, the type, the transaction id and the messages
   * @return the stream position of the send; empty for a retry or when no recipient was reachable
   * @see SendToDevice#send
   */
  public Optional<EventId> sendToDevice(SendToDevice.Command command) {
    return gate.gated(command.caller(), () -> core.sendToDevice().send(command));
  }

  /**
   * The caller's devices ({@code GET /v1/devices}).
   *
   * @param caller who asks, on a device
   * @return its devices by id, with when each was last seen
   * @see ListDevices#list
   */
  public List<Device> devices(Caller caller) {
    return gate.gated(caller, () -> core.listDevices().list(caller));
  }

  /**
   * Deletes one of the caller's devices with its keys and waiting messages ({@code DELETE
   * /v1/devices/{device_id}}); its contacts hear that the device list changed.
   *
   * @param caller who asks, on a device
   * @param device the device to delete
   * @see DeleteDevice#delete
   */
  public void deleteDevice(Caller caller, DeviceId device) {
    gate.gated(
        caller,
        () -> {
          core.deleteDevice().delete(caller, device);
          return null;
        });
  }

  /**
   * Turns end-to-end encryption on for good (Megolm); the room's creator or an admin ({@code PUT
   * /v1/rooms/{id}/encryption}). No device is needed.
   *
   * @param caller the room's creator or an admin
   * @param room the room
   * @return the room as the caller sees it, encrypted
   * @see EnableEncryption#enable
   */
  public RoomView enableEncryption(Caller caller, RoomId room) {
    return gate.gated(
        caller, () -> core.enableEncryption().enable(caller, room, RoomEncryption.MEGOLM));
  }

  /**
   * Posts an {@code m.encrypted} message into an encrypted room.
   *
   * @param command the sender on its device, the room and the Megolm ciphertext
   * @return the stored event (the earlier one for a retried transaction id)
   * @see SendEncryptedMessage#send
   */
  public Event sendEncrypted(SendEncryptedMessage.Command command) {
    return gate.gated(command.caller(), () -> core.sendEncryptedMessage().send(command));
  }

  /**
   * Reports an encrypted message with what the reporter says it said, kept as an unverified claim.
   *
   * @param caller the reporter
   * @param message the reported message
   * @param claimedText what the reporter's client decrypted
   * @return the report after the call
   * @see ReportMessage#report
   */
  public Report reportEncrypted(Caller caller, EventId message, String claimedText) {
    return gate.gated(
        caller,
        () ->
            core.reportMessage()
                .report(
                    new ReportMessage.Command(
                        caller, message.toString(), Optional.of(claimedText))));
  }
}
