package dev.chatcore.application.e2ee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.stream.LiveStream;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.stream.RecordingSink;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.DeviceUpdates;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * To-device messages through sync, on every storage (and across two nodes where a storage has
 * them): each reaches exactly its device, once per cursor, in stream order, and stays until the
 * device syncs past it.
 */
public abstract class ToDeviceContract extends E2eeFixture {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static List<String> bodies(SyncBatch batch) {
    return batch.device().orElseThrow().toDevice().stream().map(m -> m.content().json()).toList();
  }

  private void devicesOfBobAndAlice() {
    privateRoom(alice, bobPhone);
    upload(there, bobPhone, "P", 0);
    upload(there, bobLaptop, "L", 0);
    upload(there, alice, "A", 0);
  }

  @Test
  void aMessageReachesExactlyItsDeviceThroughSync() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    EventId sent = sendToDevice(alice, "t1", bobPhone.id(), "BOBPHONE", body("olm")).orElseThrow();
    SyncBatch phone = sync(bobPhone, start);
    ToDeviceMessage got = phone.device().orElseThrow().toDevice().get(0);
    assertEquals(
        new ToDeviceMessage(
            sent, alice.id(), alice.device().orElseThrow(), "m.room_key", body("olm")),
        got);
    assertEquals(
        List.of(),
        sync(bobLaptop, start).device().orElseThrow().toDevice(),
        "bob's other device: nothing");
    assertEquals(
        List.of(), sync(alice, start).device().orElseThrow().toDevice(), "the sender: nothing");
    assertTrue(
        sync(Caller.player(bobPhone.id(), "bob"), start).device().isEmpty(),
        "no device, no device section");
  }

  @Test
  void theStarReachesEveryDeviceOfTheAccountAndANamedDeviceOverridesIt() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    there
        .sendToDevice()
        .send(
            new SendToDevice.Command(
                alice,
                "m.room_key",
                "t1",
                Map.of(bobPhone.id(), Map.of("*", body("all"), "BOBLAPTOP", body("laptop")))));
    assertEquals(List.of(body("all").json()), bodies(sync(bobPhone, start)));
    assertEquals(List.of(body("laptop").json()), bodies(sync(bobLaptop, start)));
  }

  @Test
  void aMessageIsDeliveredAgainUntilTheDeviceSyncsPastIt() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    sendToDevice(alice, "t1", bobPhone.id(), "BOBPHONE", body("key"));
    SyncBatch first = sync(bobPhone, start);
    assertEquals(List.of(body("key").json()), bodies(first));
    assertEquals(
        List.of(body("key").json()), bodies(sync(bobPhone, start)), "the answer was lost: again");
    SyncBatch next = sync(bobPhone, first.nextBatch());
    assertEquals(List.of(), next.device().orElseThrow().toDevice(), "synced past it: never again");
    assertEquals(
        List.of(),
        here.storage()
            .toDeviceInbox()
            .read(bobPhone.requireDevice(), EventId.ORIGIN, here.storage().events().head(), 10),
        "and removed from the store");
  }

  @Test
  void aRetryWithTheSameTransactionIdSendsNothing() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    assertTrue(sendToDevice(alice, "t1", bobPhone.id(), "BOBPHONE", body("key")).isPresent());
    SyncBatch first = sync(bobPhone, start);
    sync(bobPhone, first.nextBatch()); // acknowledged and removed
    assertEquals(
        Optional.empty(), sendToDevice(alice, "t1", bobPhone.id(), "BOBPHONE", body("key")));
    assertEquals(
        List.of(),
        sync(bobPhone, start).device().orElseThrow().toDevice(),
        "even from the old cursor");
  }

  @Test
  void strangersAndUnknownDevicesAreSkipped() throws Exception {
    devicesOfBobAndAlice();
    upload(there, stranger, "S", 0);
    EventId start = here.storage().events().head();
    assertEquals(Optional.empty(), sendToDevice(alice, "t1", stranger.id(), "*", body("hi")));
    assertEquals(
        Optional.empty(), sendToDevice(alice, "t2", bobPhone.id(), "NOSUCHDEVICE", body("hi")));
    assertEquals(List.of(), sync(stranger, start).device().orElseThrow().toDevice());
  }

  @Test
  void everyToDeviceCallNeedsADevice() {
    Caller noDevice = Caller.player(alice.id(), "alice");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                there
                    .sendToDevice()
                    .send(new SendToDevice.Command(noDevice, "m.room_key", "t1", Map.of())));
    assertEquals("device_id", e.field());
  }

  @Test
  void aHeldSyncIsAnsweredByAMessageForItsDevice() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    CompletableFuture<SyncBatch> held =
        here.sync()
            .sync(new Sync.Command(bobPhone, start, Duration.ofSeconds(30), Optional.empty()));
    assertTrue(awaitHeld(1), "the sync is held");
    sendToDevice(alice, "t1", bobPhone.id(), "BOBPHONE", body("wake"));
    assertEquals(List.of(body("wake").json()), bodies(held.get(10, TimeUnit.SECONDS)));
  }

  @Test
  void moreMessagesThanOneAnswerCarriesArePagedByTheCursor() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    int total = here.e2eeLimits().toDeviceBatchMax() + 20;
    for (int i = 0; i < total; i++)
      sendToDevice(alice, "t" + i, bobPhone.id(), "BOBPHONE", body("m" + i));
    SyncBatch first = sync(bobPhone, start);
    assertEquals(here.e2eeLimits().toDeviceBatchMax(), bodies(first).size());
    assertTrue(first.limited());
    SyncBatch second = sync(bobPhone, first.nextBatch());
    List<String> all = new ArrayList<>(bodies(first));
    all.addAll(bodies(second));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < total; i++) expected.add(body("m" + i).json());
    assertEquals(expected, all, "every message once, in send order");
  }

  @Test
  void messagesAndEventsInterleaveWithoutSkipOrRepeatUnderConcurrentSenders() throws Exception {
    devicesOfBobAndAlice();
    RoomId room = privateRoom(alice, bobPhone);
    EventId start = here.storage().events().head();
    int perSender = 30;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> senders = sendConcurrently(pool, go, room, perSender);
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    Future<?> reader =
        pool.submit(
            () -> {
              go.await();
              EventId since = start;
              int toDevice = 0;
              int messages = 0;
              while (toDevice < 2 * perSender || messages < perSender) {
                SyncBatch b =
                    here.sync()
                        .sync(
                            new Sync.Command(
                                bobPhone, since, Duration.ofSeconds(5), Optional.empty()))
                        .get(30, TimeUnit.SECONDS);
                for (ToDeviceMessage m : b.device().orElseThrow().toDevice()) {
                  assertTrue(
                      m.position().isAfter(since) && !m.position().isAfter(b.nextBatch()),
                      "inside the window");
                  seen.add(m.content().json());
                  toDevice++;
                }
                for (Event e : b.events()) if (e.isMessage()) messages++;
                since = b.nextBatch();
              }
              return null;
            });
    go.countDown();
    for (Future<?> f : senders) f.get(60, TimeUnit.SECONDS);
    reader.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(2 * perSender, seen.size(), "nothing twice");
    assertEquals(2 * perSender, new HashSet<>(seen).size(), "nothing skipped");
    for (int s = 0; s < 2; s++) {
      List<String> mine = new ArrayList<>();
      for (String b : seen) if (b.contains("\"" + s + "-")) mine.add(b);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < perSender; i++) expected.add(body(s + "-" + i).json());
      assertEquals(expected, mine, "one sender's messages in its order");
    }
  }

  /**
   * A live stream carries a device's share of each window as sync does (VisibleRead): the first
   * batch tells the key counts at once, a message comes once, to its device only, and stays stored
   * until the device resumes past it; resuming from before it brings it again.
   */
  @Test
  void aStreamDeliversAMessageOnceToItsDeviceAndResumesLikeSync() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    RecordingSink phone = RecordingSink.draining();
    RecordingSink laptop = RecordingSink.draining();
    LiveStream phoneStream = stream(bobPhone, start, phone);
    stream(bobLaptop, start, laptop);
    assertTrue(
        RecordingSink.await(() -> !phone.batches().isEmpty(), WAIT),
        "the first batch comes at once");
    SyncBatch counts = phone.batches().getFirst();
    assertEquals(List.of(), counts.events());
    assertEquals(Map.of(), counts.device().orElseThrow().oneTimeKeyCounts());
    EventId first = sendToDevice(alice, "t1", bobPhone.id(), "BOBPHONE", body("one")).orElseThrow();
    EventId second =
        sendToDevice(alice, "t2", bobPhone.id(), "BOBPHONE", body("two")).orElseThrow();
    assertTrue(
        RecordingSink.await(() -> streamed(phone).size() >= 2, WAIT), "got " + streamed(phone));
    assertEquals(
        List.of(first, second),
        streamed(phone).stream().map(ToDeviceMessage::position).toList(),
        "once each");
    for (SyncBatch b : phone.batches()) {
      for (ToDeviceMessage m : b.device().orElseThrow().toDevice()) {
        assertTrue(!m.position().isAfter(b.nextBatch()), "inside its batch's window");
      }
    }
    phoneStream.close();
    phone.awaitEnd(WAIT);
    assertEquals(
        2, inbox(bobPhone).size(), "a stream acknowledges nothing: the client may not have got it");

    assertEquals(
        List.of(second),
        streamed(reopen(bobPhone, first, 1)).stream().map(ToDeviceMessage::position).toList(),
        "resumed after the first: the second again (it was lost), the first not");
    assertEquals(1, inbox(bobPhone).size(), "resuming past the first acknowledged it");
    reopen(bobPhone, second, 0);
    assertEquals(List.of(), inbox(bobPhone), "resuming past both acknowledged both");
    assertEquals(List.of(), streamed(laptop), "bob's other device: nothing");
  }

  @Test
  void aStreamGetsEveryMessageOnceInItsWindowUnderConcurrentSendersAsSyncDoes() throws Exception {
    devicesOfBobAndAlice();
    RoomId room = privateRoom(alice, bobPhone);
    EventId start = here.storage().events().head();
    RecordingSink sink = RecordingSink.draining();
    stream(bobPhone, start, sink);
    int perSender = 40;
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> senders = sendConcurrently(pool, go, room, perSender);
      go.countDown();
      for (Future<?> f : senders) f.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    assertTrue(
        RecordingSink.await(
            () ->
                streamed(sink).size() >= 2 * perSender
                    && sink.events().stream().filter(Event::isMessage).count() >= perSender,
            WAIT));
    EventId previous = start;
    for (SyncBatch b : sink.batches()) {
      for (ToDeviceMessage m : b.device().orElseThrow().toDevice()) {
        assertTrue(
            m.position().isAfter(previous) && !m.position().isAfter(b.nextBatch()),
            "inside the window");
      }
      previous = b.nextBatch();
    }
    List<String> seen = streamed(sink).stream().map(m -> m.content().json()).toList();
    assertEquals(2 * perSender, new HashSet<>(seen).size(), "nothing skipped, nothing twice");
    List<String> bySync = new ArrayList<>();
    EventId since = start;
    while (bySync.size() < seen.size()) {
      SyncBatch b = sync(bobPhone, since);
      b.device().orElseThrow().toDevice().forEach(m -> bySync.add(m.content().json()));
      since = b.nextBatch();
    }
    assertEquals(bySync, seen, "the same messages in the same order as consecutive syncs");
  }

  /**
   * Three senders that start at {@code go}: senders 0 and 1 send {@code perSender} to-device
   * messages each to bob's phone (bodies {@code "<sender>-<i>"}), sender 2 as many messages to
   * {@code room}.
   */
  private List<Future<?>> sendConcurrently(
      ExecutorService pool, CountDownLatch go, RoomId room, int perSender) {
    List<Future<?>> senders = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      int sender = s;
      senders.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perSender; i++) {
                  if (sender == 2) say(alice, room, "msg " + i);
                  else
                    sendToDevice(
                        alice,
                        "s" + sender + "-" + i,
                        bobPhone.id(),
                        "BOBPHONE",
                        body(sender + "-" + i));
                }
                return null;
              }));
    }
    return senders;
  }

  private LiveStream stream(Caller device, EventId since, RecordingSink sink) {
    return here.openStream().open(new OpenStream.Command(device, since, Optional.empty()), sink);
  }

  /** A stream from {@code since} until it brought {@code messages} to-device messages, closed. */
  private RecordingSink reopen(Caller device, EventId since, int messages) throws Exception {
    RecordingSink sink = RecordingSink.draining();
    LiveStream s = stream(device, since, sink);
    assertTrue(
        RecordingSink.await(
            () -> !sink.batches().isEmpty() && streamed(sink).size() >= messages, WAIT));
    s.close();
    sink.awaitEnd(WAIT);
    return sink;
  }

  private static List<ToDeviceMessage> streamed(RecordingSink sink) {
    List<ToDeviceMessage> out = new ArrayList<>();
    for (SyncBatch b : sink.batches()) out.addAll(b.device().orElseThrow().toDevice());
    return out;
  }

  private List<ToDeviceMessage> inbox(Caller device) {
    return here.storage()
        .toDeviceInbox()
        .read(device.requireDevice(), EventId.ORIGIN, here.storage().events().head(), 10);
  }

  @Test
  void deletingADeviceDropsItsWaitingMessages() throws Exception {
    devicesOfBobAndAlice();
    EventId start = here.storage().events().head();
    sendToDevice(alice, "t1", bobPhone.id(), "*", body("both"));
    there.deleteDevice().delete(bobLaptop, bobPhone.device().orElseThrow());
    assertEquals(
        List.of(),
        here.storage()
            .toDeviceInbox()
            .read(bobPhone.requireDevice(), EventId.ORIGIN, here.storage().events().head(), 10));
    assertEquals(
        List.of(body("both").json()), bodies(sync(bobLaptop, start)), "the laptop keeps its own");
  }

  @Test
  void anEmptyAnswerOfADeviceCarriesItsKeyCounts() throws Exception {
    upload(there, bobPhone, "P", 3);
    DeviceUpdates idle = sync(bobPhone, here.storage().events().head()).device().orElseThrow();
    assertEquals(Map.of("signed_curve25519", 3L), idle.oneTimeKeyCounts());
    assertEquals(Set.of(), idle.unusedFallbackKeyTypes());
  }

  @Test
  void aTypeOrTransactionIdOutOfShapeIsRefused() {
    assertThrows(
        InvalidInputException.class,
        () -> there.sendToDevice().send(new SendToDevice.Command(alice, "", "t1", Map.of())));
    assertFalse(here.storage().toDeviceInbox().contains("x"));
  }

  private boolean awaitHeld(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (here.syncWaiter().heldCount() < n) {
      if (System.nanoTime() > deadline) return false;
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return true;
  }
}
