package dev.chatcore.application.e2ee;

import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.message.MessagePosting;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.RoomViews;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

/**
 * The end-to-end encryption use cases, wired by hand from the core's shared collaborators
 * ({@link dev.chatcore.application.ChatCore#e2ee()} holds one).
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

  public E2eeServices(ChatStorage storage, E2eeLimits limits, Clock clock, MessagePolicy policy, RoomAccess access,
      RoomViews views, RegisterCaller register, EventPublisher publisher, MessagePosting posting) {
    this.limits = limits;
    Contacts contacts = new Contacts(access);
    DeviceActivity activity = new DeviceActivity(storage, clock);
    DeviceLists deviceLists = new DeviceLists(storage, publisher, contacts);
    this.deviceSync = new DeviceSync(storage, contacts, activity, limits);
    this.uploadKeys = new UploadKeys(storage, register, deviceLists, limits, clock);
    this.queryKeys = new QueryKeys(storage, contacts, limits);
    this.claimKeys = new ClaimKeys(storage, contacts, limits);
    this.keyChanges = new KeyChanges(storage, contacts);
    this.sendToDevice = new SendToDevice(storage, publisher, contacts, policy, limits, clock);
    this.listDevices = new ListDevices(storage);
    this.deleteDevice = new DeleteDevice(storage, deviceLists, activity);
    this.enableEncryption = new EnableEncryption(storage, access, views, register, publisher, clock);
    this.sendEncryptedMessage = new SendEncryptedMessage(access, register, policy, limits, posting);
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
