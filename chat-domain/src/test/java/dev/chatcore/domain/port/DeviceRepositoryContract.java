package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.DeviceRepository.KeyUpload;
import dev.chatcore.domain.testing.Keys;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DeviceRepository} must have. */
public abstract class DeviceRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** A fresh, empty repository for every test. */
  protected abstract DeviceRepository newRepository();

  @Test
  void touchCreatesADeviceWhoseLastSeenOnlyMovesForward() {
    DeviceRepository devices = newRepository();
    DeviceAddress phone = TestIds.device();
    devices.touch(phone, T0.plusSeconds(60));
    devices.touch(phone, T0);
    Device found = devices.find(phone).orElseThrow();
    assertEquals(T0.plusSeconds(60), found.lastSeen());
    assertEquals(Optional.empty(), found.keys());
    devices.touch(phone, T0.plusSeconds(120));
    assertEquals(T0.plusSeconds(120), devices.find(phone).orElseThrow().lastSeen());
  }

  @Test
  void keysAreStoredAndReturnedAsTheExactTextUploaded() {
    DeviceRepository devices = newRepository();
    DeviceAddress phone = TestIds.device();
    DeviceKeys keys = Keys.deviceKeys(phone, "A", "sig1");
    assertEquals(KeyUpload.NEW, devices.storeKeys(phone, keys, T0));
    Device found = devices.find(phone).orElseThrow();
    assertEquals(
        keys.json().json(),
        found.keys().orElseThrow().json().json(),
        "byte-exact, white space included");
    assertEquals(keys, found.keys().orElseThrow());
  }

  @Test
  void theSameKeysAgainChangeNothingAndNewSignaturesOfTheSameIdentityReplace() {
    DeviceRepository devices = newRepository();
    DeviceAddress phone = TestIds.device();
    devices.storeKeys(phone, Keys.deviceKeys(phone, "A", "sig1"), T0);
    assertEquals(
        KeyUpload.UNCHANGED, devices.storeKeys(phone, Keys.deviceKeys(phone, "A", "sig1"), T0));
    DeviceKeys resigned = Keys.deviceKeys(phone, "A", "sig2");
    assertEquals(KeyUpload.REPLACED, devices.storeKeys(phone, resigned, T0));
    assertEquals(resigned, devices.find(phone).orElseThrow().keys().orElseThrow());
  }

  @Test
  void keysOfAnotherIdentityAreRefusedAndTheStoredOnesStay() {
    DeviceRepository devices = newRepository();
    DeviceAddress phone = TestIds.device();
    DeviceKeys first = Keys.deviceKeys(phone, "A", "sig1");
    devices.storeKeys(phone, first, T0);
    assertEquals(
        KeyUpload.IDENTITY_MISMATCH,
        devices.storeKeys(phone, Keys.deviceKeys(phone, "B", "sig1"), T0));
    assertEquals(first, devices.find(phone).orElseThrow().keys().orElseThrow());
  }

  @Test
  void ofTwoConcurrentFirstUploadsWithDifferentIdentitiesExactlyOneIsStored() throws Exception {
    DeviceRepository devices = newRepository();
    for (int round = 0; round < 10; round++) {
      DeviceAddress phone = TestIds.device();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<KeyUpload>> uploads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        DeviceKeys keys = Keys.deviceKeys(phone, "id" + i, "sig");
        uploads.add(
            pool.submit(
                () -> {
                  go.await();
                  return devices.storeKeys(phone, keys, T0);
                }));
      }
      go.countDown();
      int stored = 0;
      for (Future<KeyUpload> f : uploads) {
        KeyUpload result = f.get(30, TimeUnit.SECONDS);
        if (result == KeyUpload.NEW) stored++;
        else assertEquals(KeyUpload.IDENTITY_MISMATCH, result);
      }
      pool.shutdown();
      assertEquals(1, stored, "one identity wins");
    }
  }

  @Test
  void listsAnAccountsDevicesByIdAndNothingOfOthers() {
    DeviceRepository devices = newRepository();
    AccountId me = TestIds.account();
    DeviceAddress b = new DeviceAddress(me, new DeviceId("BBB"));
    DeviceAddress a = new DeviceAddress(me, new DeviceId("AAA"));
    devices.touch(b, T0);
    devices.storeKeys(a, Keys.deviceKeys(a, "A", "s"), T0);
    devices.touch(TestIds.device(), T0);
    assertEquals(List.of(a, b), devices.ofAccount(me).stream().map(Device::address).toList());
  }

  @Test
  void deleteForgetsTheDeviceAndItsKeys() {
    DeviceRepository devices = newRepository();
    DeviceAddress phone = TestIds.device();
    devices.storeKeys(phone, Keys.deviceKeys(phone, "A", "s"), T0);
    assertTrue(devices.delete(phone));
    assertFalse(devices.delete(phone));
    assertEquals(Optional.empty(), devices.find(phone));
    assertEquals(
        KeyUpload.NEW,
        devices.storeKeys(phone, Keys.deviceKeys(phone, "B", "s"), T0),
        "a deleted device id may come back with a new identity");
  }

  @Test
  void changesAreFoundByTheirPositionAfterTheCursorUpToTheBound() {
    DeviceRepository devices = newRepository();
    AccountId a = TestIds.account();
    AccountId b = TestIds.account();
    AccountId c = TestIds.account();
    devices.recordChange(a, new EventId(10), Optional.empty());
    devices.recordChange(b, new EventId(20), Optional.empty());
    devices.recordChange(c, new EventId(30), Optional.empty());
    devices.recordChange(a, new EventId(25), Optional.empty());
    assertEquals(Set.of(b, a), devices.changedBetween(new EventId(10), new EventId(29)));
    assertEquals(Set.of(a, b, c), devices.changedBetween(EventId.ORIGIN, new EventId(30)));
    assertEquals(Set.of(), devices.changedBetween(new EventId(30), new EventId(40)));
  }

  @Test
  void aChangeOfferedAgainMovesToItsNewPosition() {
    DeviceRepository devices = newRepository();
    AccountId a = TestIds.account();
    devices.recordChange(a, new EventId(10), Optional.empty());
    devices.recordChange(a, new EventId(12), Optional.of(new EventId(10)));
    assertEquals(Set.of(), devices.changedBetween(new EventId(9), new EventId(11)));
    assertEquals(Set.of(a), devices.changedBetween(new EventId(11), new EventId(12)));
  }
}
