package dev.chatcore.application.e2ee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.DeviceUpdates;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.Keys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Keys and device lists on every storage: upload, query and claim through the use cases, and the
 * device-list changes contacts hear about through sync.
 */
public abstract class KeysContract extends E2eeFixture {
  private static final String SIGNED = "signed_curve25519";

  private Map<AccountId, Map<DeviceId, DeviceKeys>> query(Caller who, Caller... of) {
    Map<AccountId, List<DeviceId>> wanted = new LinkedHashMap<>();
    for (Caller c : of) wanted.put(c.id(), List.of());
    return here.queryKeys().query(who, wanted);
  }

  @Test
  void uploadedKeysAreQueriedExactlyByContactsAndNeverByStrangers() {
    privateRoom(alice, bobPhone);
    upload(there, bobPhone, "P", 0);
    upload(there, bobLaptop, "L", 0);
    upload(there, stranger, "S", 0);
    Map<DeviceId, DeviceKeys> bobs = query(alice, bobPhone).get(bobPhone.id());
    assertEquals(
        Keys.deviceKeys(bobPhone.requireDevice(), "P", "sig"), bobs.get(new DeviceId("BOBPHONE")));
    assertEquals(Set.of(new DeviceId("BOBPHONE"), new DeviceId("BOBLAPTOP")), bobs.keySet());
    assertEquals(
        Set.of(new DeviceId("BOBLAPTOP")),
        here.queryKeys()
            .query(alice, Map.of(bobPhone.id(), List.of(new DeviceId("BOBLAPTOP"))))
            .get(bobPhone.id())
            .keySet());
    assertFalse(
        query(alice, stranger).containsKey(stranger.id()), "a stranger's keys are not shown");
    assertTrue(query(stranger, stranger).containsKey(stranger.id()), "one's own are");
  }

  @Test
  void deviceKeysOfAnotherIdentityOrDeviceAreRefused() {
    upload(there, bobPhone, "P", 0);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> upload(there, bobPhone, "Q", 0));
    assertEquals("device_keys", e.field());
    InvalidInputException other =
        assertThrows(
            InvalidInputException.class,
            () ->
                there
                    .uploadKeys()
                    .upload(
                        new UploadKeys.Command(
                            alice,
                            Optional.of(
                                new UploadKeys.SignedDeviceKeys(
                                    alice.id().value(),
                                    "OTHER",
                                    Keys.deviceKeys(alice.requireDevice(), "A", "s"))),
                            List.of(),
                            List.of())));
    assertEquals("device_keys.device_id", other.field());
  }

  @Test
  void uploadsAnswerTheCountsAndRespectTheLimits() {
    Map<String, Long> counts =
        there
            .uploadKeys()
            .upload(
                new UploadKeys.Command(
                    bobPhone,
                    Optional.empty(),
                    List.of(Keys.signed("a", "1"), Keys.signed("b", "2")),
                    List.of(Keys.fallback("f", "3"))));
    assertEquals(Map.of(SIGNED, 2L), counts);
    List<OneTimeKey> tooMany = new ArrayList<>();
    for (int i = 0; i <= there.e2eeLimits().oneTimeKeysPerUploadMax(); i++)
      tooMany.add(Keys.signed("x" + i, "k"));
    assertThrows(
        InvalidInputException.class,
        () ->
            there
                .uploadKeys()
                .upload(new UploadKeys.Command(bobPhone, Optional.empty(), tooMany, List.of())));
  }

  @Test
  void eachOneTimeKeyIsClaimedOnceByConcurrentClaimersOnBothNodesThenTheFallback()
      throws Exception {
    privateRoom(alice, bobPhone, bobLaptop);
    int keys = 40;
    upload(there, bobPhone, "P", keys);
    there
        .uploadKeys()
        .upload(
            new UploadKeys.Command(
                bobPhone, Optional.empty(), List.of(), List.of(Keys.fallback("F", "fb"))));
    ConcurrentLinkedQueue<ClaimedKey> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> claimers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ClaimKeys claim = (i % 2 == 0 ? here : there).claimKeys();
      Caller who = i % 2 == 0 ? alice : bobLaptop;
      claimers.add(
          pool.submit(
              () -> {
                go.await();
                for (int n = 0; n < keys; n++) {
                  ClaimedKey k =
                      claim
                          .claim(
                              who, Map.of(bobPhone.id(), Map.of(new DeviceId("BOBPHONE"), SIGNED)))
                          .get(bobPhone.id())
                          .get(new DeviceId("BOBPHONE"));
                  if (k.fallback()) break;
                  claimed.add(k);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : claimers) f.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(keys, claimed.size(), "no key twice");
    assertEquals(keys, new HashSet<>(claimed).size());
    ClaimedKey fallback =
        here.claimKeys()
            .claim(alice, Map.of(bobPhone.id(), Map.of(new DeviceId("BOBPHONE"), SIGNED)))
            .get(bobPhone.id())
            .get(new DeviceId("BOBPHONE"));
    assertEquals(new ClaimedKey(Keys.fallback("F", "fb"), true), fallback);
    DeviceUpdates updates = sync(bobPhone, here.storage().events().head()).device().orElseThrow();
    assertEquals(Map.of(), updates.oneTimeKeyCounts());
    assertEquals(
        Set.of(),
        updates.unusedFallbackKeyTypes(),
        "the fallback was used: time to upload a new one");
  }

  @Test
  void strangersCannotClaimKeys() {
    upload(there, bobPhone, "P", 2);
    assertEquals(
        Map.of(),
        here.claimKeys()
            .claim(stranger, Map.of(bobPhone.id(), Map.of(new DeviceId("BOBPHONE"), SIGNED))));
    assertEquals(Map.of(SIGNED, 2L), here.storage().oneTimeKeys().counts(bobPhone.requireDevice()));
  }

  @Test
  void aNewDeviceIsAnnouncedOnceToContactsAndToNobodyElse() throws Exception {
    privateRoom(alice, bobPhone);
    upload(there, alice, "A", 0);
    upload(there, stranger, "S", 0);
    EventId start = here.storage().events().head();
    upload(there, bobLaptop, "L", 0);
    SyncBatch first = sync(alice, start);
    assertEquals(Set.of(bobPhone.id()), first.device().orElseThrow().changed());
    assertEquals(Set.of(), sync(alice, first.nextBatch()).device().orElseThrow().changed(), "once");
    assertEquals(
        Set.of(),
        sync(stranger, start).device().orElseThrow().changed(),
        "a stranger hears nothing");
    assertEquals(
        Set.of(bobPhone.id()),
        sync(bobPhone, start).device().orElseThrow().changed(),
        "bob's other device");
    assertEquals(Set.of(bobPhone.id()), here.keyChanges().changes(alice, start, first.nextBatch()));
    assertEquals(Set.of(), here.keyChanges().changes(stranger, start, first.nextBatch()));
    assertEquals(
        Set.of(),
        here.keyChanges().changes(alice, first.nextBatch(), here.storage().events().head()));
  }

  @Test
  void reUploadingTheSameKeysAnnouncesNothing() throws Exception {
    privateRoom(alice, bobPhone);
    upload(there, bobPhone, "P", 0);
    EventId start = here.storage().events().head();
    upload(there, bobPhone, "P", 0);
    assertEquals(start, here.storage().events().head(), "no position taken");
  }

  @Test
  void deletingADeviceForgetsItsKeysAndTellsContacts() throws Exception {
    privateRoom(alice, bobPhone);
    upload(there, bobPhone, "P", 3);
    upload(there, bobLaptop, "L", 0);
    EventId start = here.storage().events().head();
    there.deleteDevice().delete(bobLaptop, new DeviceId("BOBPHONE"));
    assertEquals(
        Set.of(new DeviceId("BOBLAPTOP")), query(alice, bobPhone).get(bobPhone.id()).keySet());
    assertEquals(Map.of(), here.storage().oneTimeKeys().counts(bobPhone.requireDevice()));
    assertEquals(Set.of(bobPhone.id()), sync(alice, start).device().orElseThrow().changed());
    assertEquals(
        List.of(new DeviceId("BOBLAPTOP")),
        here.listDevices().list(bobLaptop).stream().map(d -> d.address().device()).toList());
    assertThrows(
        NotFoundException.class,
        () -> there.deleteDevice().delete(bobLaptop, new DeviceId("BOBPHONE")));
  }

  @Test
  void someoneWhoSharesNoRoomAnyMoreIsListedAsLeft() throws Exception {
    RoomId room = privateRoom(alice, bobPhone);
    upload(there, alice, "A", 0);
    there.registerCaller().register(bobPhone);
    EventId start = here.storage().events().head();
    there.kickMember().kick(new KickMember.Command(admin, room, bobPhone.id()));
    DeviceUpdates updates = sync(alice, start).device().orElseThrow();
    assertEquals(Set.of(bobPhone.id()), updates.left());
    assertFalse(updates.changed().contains(bobPhone.id()));
  }

  @Test
  void keysAndListsNeedADevice() {
    Caller noDevice = Caller.player(alice.id(), "alice");
    assertThrows(InvalidInputException.class, () -> here.queryKeys().query(noDevice, Map.of()));
    assertThrows(InvalidInputException.class, () -> here.claimKeys().claim(noDevice, Map.of()));
    assertThrows(InvalidInputException.class, () -> here.listDevices().list(noDevice));
    assertThrows(
        InvalidInputException.class,
        () -> here.keyChanges().changes(noDevice, EventId.ORIGIN, EventId.ORIGIN));
  }

  @Test
  void devicesAreListedWithWhenTheyWereLastSeen() throws Exception {
    sync(bobPhone, here.storage().events().head());
    upload(there, bobLaptop, "L", 0);
    var devices = here.listDevices().list(bobPhone);
    assertEquals(
        List.of(new DeviceId("BOBLAPTOP"), new DeviceId("BOBPHONE")),
        devices.stream().map(d -> d.address().device()).toList());
    assertEquals(clock.instant(), devices.get(1).lastSeen());
  }
}
