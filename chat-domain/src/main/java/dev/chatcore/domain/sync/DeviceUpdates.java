package dev.chatcore.domain.sync;

import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.id.AccountId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a sync answer tells one device beside the events: its to-device messages in the answer's
 * window, whose device lists changed, and how many keys it has left (so it knows when to upload
 * more).
 *
 * @param toDevice the device's to-device messages in the window, by position
 * @param changed accounts whose device list changed in the window (or who newly share a room with
 *     the caller): the client queries their keys again
 * @param left accounts that share no room with the caller any more: the client stops tracking them
 * @param oneTimeKeyCounts the device's unclaimed one-time keys by algorithm
 * @param unusedFallbackKeyTypes algorithms of the device's fallback keys no claim has used
 */
public record DeviceUpdates(
    List<ToDeviceMessage> toDevice,
    Set<AccountId> changed,
    Set<AccountId> left,
    Map<String, Long> oneTimeKeyCounts,
    Set<String> unusedFallbackKeyTypes) {
  public DeviceUpdates {
    toDevice = List.copyOf(toDevice);
    changed = Set.copyOf(changed);
    left = Set.copyOf(left);
    oneTimeKeyCounts = Map.copyOf(oneTimeKeyCounts);
    unusedFallbackKeyTypes = Set.copyOf(unusedFallbackKeyTypes);
    Objects.requireNonNull(toDevice, "toDevice");
  }
}
