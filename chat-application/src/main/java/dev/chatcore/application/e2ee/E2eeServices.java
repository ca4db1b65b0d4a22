package dev.chatcore.application.e2ee;

import dev.chatcore.domain.policy.E2eeLimits;
import jakarta.inject.Inject;

/**
 * The end-to-end encryption use cases, held together for their routes ({@link
 * dev.chatcore.application.ChatCore#e2ee()} holds the ones the core wired).
 */
public final class E2eeServices {
  private final E2eeLimits limits;
  private final DeviceSync deviceSync;
  private final UploadKeys uploadKeys;
  private final QueryKeys queryKeys;
  private final ClaimKeys claimKeys;
  private final KeyChanges keyChanges;
  private final SendToDevice sendToDevice;
  private final ListDevices listDevices;
  private final DeleteDevice deleteDevice;
  private final EnableEncryption enableEncryption;
  private final SendEncryptedMessage sendEncryptedMessage;

  @Inject
  public E2eeServices(
      E2eeLimits limits,
      DeviceSync deviceSync,
      UploadKeys uploadKeys,
      QueryKeys queryKeys,
      ClaimKeys claimKeys,
      KeyChanges keyChanges,
      SendToDevice sendToDevice,
      ListDevices listDevices,
      DeleteDevice deleteDevice,
      EnableEncryption enableEncryption,
      SendEncryptedMessage sendEncryptedMessage) {
    this.limits = limits;
    this.deviceSync = deviceSync;
    this.uploadKeys = uploadKeys;
    this.queryKeys = queryKeys;
    this.claimKeys = claimKeys;
    this.keyChanges = keyChanges;
    this.sendToDevice = sendToDevice;
    this.listDevices = listDevices;
    this.deleteDevice = deleteDevice;
    this.enableEncryption = enableEncryption;
    this.sendEncryptedMessage = sendEncryptedMessage;
  }

  public E2eeLimits limits() {
    return limits;
  }

  /** The device read step of sync and the live streams. */
  public DeviceSync deviceSync() {
    return deviceSync;
  }

  public UploadKeys uploadKeys() {
    return uploadKeys;
  }

  public QueryKeys queryKeys() {
    return queryKeys;
  }

  public ClaimKeys claimKeys() {
    return claimKeys;
  }

  public KeyChanges keyChanges() {
    return keyChanges;
  }

  public SendToDevice sendToDevice() {
    return sendToDevice;
  }

  public ListDevices listDevices() {
    return listDevices;
  }

  public DeleteDevice deleteDevice() {
    return deleteDevice;
  }

  public EnableEncryption enableEncryption() {
    return enableEncryption;
  }

  public SendEncryptedMessage sendEncryptedMessage() {
    return sendEncryptedMessage;
  }
}
