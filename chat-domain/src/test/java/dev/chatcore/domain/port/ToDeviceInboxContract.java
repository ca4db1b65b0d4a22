package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.e2ee.ToDeviceSend;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ToDeviceInbox} must have. */
public abstract class ToDeviceInboxContract {
  private static final Instant EXPIRY = Instant.parse("2026-03-08T10:00:00Z");

  private final DeviceAddress sender = TestIds.device();
  private final DeviceAddress alice = TestIds.device();
  private final DeviceAddress bob = TestIds.device();

  /** A fresh, empty inbox for every test. */
  protected abstract ToDeviceInbox newInbox();

  private static JsonObjectText content(String body) {
    return new JsonObjectText("{\"body\": \"" + body + "\"}");
  }

  private ToDeviceSend send(
      String txn, long position, Map<DeviceAddress, JsonObjectText> messages) {
    return new ToDeviceSend(
        ToDeviceSend.key(sender, txn),
        sender,
        new EventId(position),
        "m.room_key",
        messages,
        EXPIRY);
  }

  private static List<Long> positions(List<ToDeviceMessage> messages) {
    return messages.stream().map(m -> m.position().position()).toList();
  }

  @Test
  void eachRecipientReadsItsOwnMessageOfASend() {
    ToDeviceInbox inbox = newInbox();
    assertTrue(
        inbox.store(
            send("t1", 5, Map.of(alice, content("for alice"), bob, content("for bob"))),
            Optional.empty()));
    ToDeviceMessage mine = inbox.read(alice, EventId.ORIGIN, new EventId(5), 10).get(0);
    assertEquals(
        new ToDeviceMessage(
            new EventId(5), sender.account(), sender.device(), "m.room_key", content("for alice")),
        mine);
    assertEquals(
        content("for bob"), inbox.read(bob, EventId.ORIGIN, new EventId(5), 10).get(0).content());
    assertEquals(List.of(), inbox.read(TestIds.device(), EventId.ORIGIN, new EventId(5), 10));
  }

  @Test
  void readsOnlyTheWindowInPositionOrderUpToTheLimit() {
    ToDeviceInbox inbox = newInbox();
    for (long p : new long[] {7, 3, 9, 5})
      inbox.store(send("t" + p, p, Map.of(alice, content("m" + p))), Optional.empty());
    assertEquals(List.of(5L, 7L), positions(inbox.read(alice, new EventId(3), new EventId(8), 10)));
    assertEquals(List.of(3L, 5L), positions(inbox.read(alice, EventId.ORIGIN, new EventId(9), 2)));
    assertEquals(List.of(), positions(inbox.read(alice, new EventId(9), new EventId(20), 10)));
  }

  @Test
  void aSecondSendWithTheSameKeyStoresNothing() {
    ToDeviceInbox inbox = newInbox();
    assertTrue(inbox.store(send("t1", 5, Map.of(alice, content("first"))), Optional.empty()));
    assertFalse(
        inbox.store(
            send("t1", 6, Map.of(alice, content("again"), bob, content("again"))),
            Optional.empty()));
    assertEquals(List.of(5L), positions(inbox.read(alice, EventId.ORIGIN, new EventId(10), 10)));
    assertEquals(List.of(), inbox.read(bob, EventId.ORIGIN, new EventId(10), 10));
    assertTrue(inbox.contains(ToDeviceSend.key(sender, "t1")));
    assertFalse(inbox.contains(ToDeviceSend.key(sender, "t2")));
  }

  @Test
  void ofConcurrentStoresOfOneKeyExactlyOneSucceeds() throws Exception {
    ToDeviceInbox inbox = newInbox();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> stores = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long position = 10 + i;
      stores.add(
          pool.submit(
              () -> {
                go.await();
                return inbox.store(
                    send("same", position, Map.of(alice, content("x"))), Optional.empty());
              }));
    }
    go.countDown();
    int stored = 0;
    for (Future<Boolean> f : stores) if (f.get(30, TimeUnit.SECONDS)) stored++;
    pool.shutdown();
    assertEquals(1, stored);
    assertEquals(1, inbox.read(alice, EventId.ORIGIN, new EventId(100), 100).size());
  }

  @Test
  void aSendOfferedAgainMovesToItsNewPosition() {
    ToDeviceInbox inbox = newInbox();
    inbox.store(send("t1", 5, Map.of(alice, content("x"))), Optional.empty());
    assertTrue(
        inbox.store(send("t1", 8, Map.of(alice, content("x"))), Optional.of(new EventId(5))));
    assertEquals(List.of(8L), positions(inbox.read(alice, EventId.ORIGIN, new EventId(10), 10)));
    assertFalse(
        inbox.store(send("t1", 9, Map.of(alice, content("x"))), Optional.of(new EventId(5))),
        "only a move from the position it holds");
  }

  @Test
  void acknowledgingRemovesOnlyThatDevicesMessagesUpToThePosition() {
    ToDeviceInbox inbox = newInbox();
    inbox.store(send("t1", 5, Map.of(alice, content("a"), bob, content("b"))), Optional.empty());
    inbox.store(send("t2", 9, Map.of(alice, content("a2"))), Optional.empty());
    assertEquals(1, inbox.acknowledge(alice, new EventId(5)));
    assertEquals(List.of(9L), positions(inbox.read(alice, EventId.ORIGIN, new EventId(10), 10)));
    assertEquals(
        List.of(5L),
        positions(inbox.read(bob, EventId.ORIGIN, new EventId(10), 10)),
        "bob keeps his");
    assertEquals(0, inbox.acknowledge(alice, new EventId(5)));
    assertTrue(
        inbox.contains(ToDeviceSend.key(sender, "t1")), "a delivered send's key is remembered");
    assertFalse(
        inbox.store(send("t1", 12, Map.of(alice, content("a"))), Optional.empty()),
        "so a late retry is not delivered twice");
  }

  @Test
  void deletingADeviceRemovesItsPendingMessagesOnly() {
    ToDeviceInbox inbox = newInbox();
    inbox.store(send("t1", 5, Map.of(alice, content("a"), bob, content("b"))), Optional.empty());
    inbox.deleteDevice(alice);
    assertEquals(List.of(), inbox.read(alice, EventId.ORIGIN, new EventId(10), 10));
    assertEquals(1, inbox.read(bob, EventId.ORIGIN, new EventId(10), 10).size());
  }

  @Test
  void expiredSendsArePurgedWithTheirKeys() {
    ToDeviceInbox inbox = newInbox();
    inbox.store(send("t1", 5, Map.of(alice, content("a"))), Optional.empty());
    assertEquals(0, inbox.purgeExpired(EXPIRY.minusSeconds(1)));
    assertEquals(1, inbox.purgeExpired(EXPIRY));
    assertEquals(List.of(), inbox.read(alice, EventId.ORIGIN, new EventId(10), 10));
    assertFalse(inbox.contains(ToDeviceSend.key(sender, "t1")));
  }
}
