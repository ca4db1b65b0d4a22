package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.admin.CreatePrivateRoom;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.Keys;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two nodes of one storage for the end-to-end encryption suites: {@link #here} serves the syncs of
 * the device under test, {@link #there} the other clients (senders, uploaders, writers). On one
 * process both are the same core; a store with nodes gives two.
 */
public abstract class E2eeFixture {
  /** The stores of the two nodes: one and the same in a single process. */
  public record Stores(ChatStorage here, ChatStorage there) {}

  protected static final Limits LIMITS =
      Limits.defaults().withSyncTimeoutMin(Duration.ofMillis(20));

  protected final MutableClock clock = new MutableClock();
  protected final Caller admin = new Caller(TestIds.account(), "admin", true);
  protected final Caller alice =
      Caller.player(TestIds.account(), "alice").on(new DeviceId("ALICEPHONE"));
  protected final Caller bobPhone =
      Caller.player(TestIds.account(), "bob").on(new DeviceId("BOBPHONE"));
  protected final Caller bobLaptop = bobPhone.on(new DeviceId("BOBLAPTOP"));
  protected final Caller stranger =
      Caller.player(TestIds.account(), "stranger").on(new DeviceId("STRANGER"));
  protected ChatCore here;
  protected ChatCore there;
  private Stores stores;

  /** Fresh, empty stores for every test, whose expiring events lapse by {@code clock}. */
  protected abstract Stores newStores(Clock clock);

  @BeforeEach
  void startNodes() {
    stores = newStores(clock);
    here = ChatCore.create(stores.here(), LIMITS, clock);
    there = stores.there() == stores.here() ? here : ChatCore.create(stores.there(), LIMITS, clock);
  }

  @AfterEach
  void stopNodes() {
    if (there != here) there.close();
    here.close();
    stores.here().close();
    if (stores.there() != stores.here()) stores.there().close();
  }

  /** A private room of {@code members} (not a channel: strangers must share no room). */
  protected RoomId privateRoom(Caller... members) {
    return there
        .createPrivateRoom()
        .create(
            new CreatePrivateRoom.Command(
                admin,
                Arrays.stream(members).map(c -> c.id().value()).toList(),
                Optional.empty(),
                Optional.empty()))
        .id();
  }

  protected RoomId channel(String name) {
    return there
        .createRoom()
        .create(new CreateRoom.Command(admin, name, Optional.empty()))
        .room()
        .id();
  }

  protected EventId say(Caller who, RoomId room, String text) {
    return there
        .sendMessage()
        .send(new SendMessage.Command(who, room, text, Optional.empty(), Optional.empty()))
        .id();
  }

  /** Registers the device with keys of the given identity and {@code oneTimeKeys} signed keys. */
  protected void upload(ChatCore node, Caller device, String identity, int oneTimeKeys) {
    List<OneTimeKey> keys = new ArrayList<>();
    for (int i = 0; i < oneTimeKeys; i++)
      keys.add(Keys.signed(device.device().orElseThrow() + "-" + i, "k" + i));
    node.uploadKeys()
        .upload(
            new UploadKeys.Command(
                device,
                Optional.of(
                    new UploadKeys.SignedDeviceKeys(
                        device.id().value(),
                        device.device().orElseThrow().value(),
                        Keys.deviceKeys(device.requireDevice(), identity, "sig"))),
                keys,
                List.of()));
  }

  /** A sync on {@link #here} that answers at once when something waits (bounded wait otherwise). */
  protected SyncBatch sync(Caller who, EventId since) throws Exception {
    return here.sync()
        .sync(new Sync.Command(who, since, Duration.ofMillis(300), Optional.empty()))
        .get(30, TimeUnit.SECONDS);
  }

  protected static JsonObjectText body(String text) {
    return new JsonObjectText("{\"body\":\"" + text + "\"}");
  }

  /** Sends {@code content} from {@code from} to one device (or {@code *}) of {@code to}. */
  protected Optional<EventId> sendToDevice(
      Caller from, String txn, AccountId to, String device, JsonObjectText content) {
    return there
        .sendToDevice()
        .send(
            new SendToDevice.Command(from, "m.room_key", txn, Map.of(to, Map.of(device, content))));
  }
}
