package example.game;

import dev.chatcore.adapter.memory.InMemoryChat;
import dev.chatcore.application.Caller;
import dev.chatcore.application.embed.Chat;
import dev.chatcore.application.embed.EventSubscription;
import dev.chatcore.application.embed.StreamListener;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.domain.error.ChatException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The game server's chat: one lobby, every connected player in it, chat pushed to sockets. */
public final class GameChat implements AutoCloseable {
  /** The game server itself, as an admin of the chat. */
  private static final Caller SERVER =
      new Caller(new AccountId("000000000000000000000001"), "server", true);

  private final Chat chat = InMemoryChat.create();
  private final RoomId lobby = chat.createRoom(SERVER, "lobby", Optional.empty()).room().id();
  private final Map<AccountId, Player> players = new ConcurrentHashMap<>();

  /** A player logged in (the game authenticated it): it is in the lobby and starts receiving. */
  public void connect(AccountId id, String name, PlayerSocket socket) {
    Player player = new Player(Caller.player(id, name), socket);
    players.put(id, player);
    try {
      player.subscription =
          chat.subscribe(player.caller, chat.head(), Optional.of(Set.of(lobby)), player);
    } catch (ChatException refused) {
      socket.send("* " + refused.getMessage()); // banned already
    }
  }

  /** A line the player typed; refusals (too long, banned, spam) go back to the player only. */
  public void say(AccountId id, String text) {
    Player player = players.get(id);
    try {
      chat.send(player.caller, lobby, text);
    } catch (ChatException refused) {
      player.socket.send("* " + refused.getMessage());
    }
  }

  /** The game bans a player from chat for a while. */
  public void mute(AccountId id, Duration howLong) {
    chat.ban(SERVER, id, Optional.of(howLong), "muted by the game");
  }

  public void disconnect(AccountId id) {
    Player player = players.remove(id);
    if (player != null && player.subscription != null)
      player.subscription.close(); // nothing more is pushed
  }

  @Override
  public void close() {
    chat.close(); // ends every subscription
  }

  /**
   * A connected player: who it is, where its chat goes, and its subscription. The chat pushes each
   * batch of lobby events to it, in order, on a chat thread; no thread waits for it meanwhile.
   */
  private final class Player implements StreamListener {
    final Caller caller;
    final PlayerSocket socket;
    volatile EventSubscription subscription;

    Player(Caller caller, PlayerSocket socket) {
      this.caller = caller;
      this.socket = socket;
    }

    @Override
    public void onEvents(SyncBatch batch) {
      for (Event event : batch.events()) {
        if (event.content() instanceof EventContent.Message message) {
          Player from = players.get(event.sender());
          socket.send((from == null ? "?" : from.caller.displayName()) + ": " + message.text());
        }
      }
    }

    @Override
    public void onEnd(StreamEnd end) {
      end.failure()
          .ifPresent(refused -> socket.send("* " + refused.getMessage())); // muted while connected
    }
  }
}
