package example.game;

import dev.chatcore.adapter.memory.InMemoryChat;
import dev.chatcore.application.Caller;
import dev.chatcore.application.embed.Chat;
import dev.chatcore.domain.error.ChatException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The game server's chat: one lobby, every connected player in it, chat relayed to sockets. */
public final class GameChat implements AutoCloseable {
  /** The game server itself, as an admin of the chat. */
  private static final Caller SERVER = new Caller(new AccountId("000000000000000000000001"), "server", true);

  private final Chat chat = InMemoryChat.create();
  private final RoomId lobby = chat.createRoom(SERVER, "lobby", Optional.empty()).room().id();
  private final Map<AccountId, Player> players = new ConcurrentHashMap<>();

  /** A player logged in (the game authenticated it): it is in the lobby and starts receiving. */
  public void connect(AccountId id, String name, PlayerSocket socket) {
    Player player = new Player(Caller.player(id, name), socket);
    players.put(id, player);
    player.relayFrom(chat.head());
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
    if (player == null) return;
    player.connected = false;
    player.waiting.cancel(false); // releases the held wait at once
  }

  @Override
  public void close() {
    players.values().forEach(p -> p.connected = false);
    chat.close();
  }

  /** A connected player: who it is, where its chat goes, and the wait in flight. */
  private final class Player {
    final Caller caller;
    final PlayerSocket socket;
    volatile boolean connected = true;
    volatile CompletableFuture<SyncBatch> waiting;

    Player(Caller caller, PlayerSocket socket) {
      this.caller = caller;
      this.socket = socket;
    }

    /** Waits for the events after {@code cursor}, shows them, waits again: no thread is held. */
    void relayFrom(EventId cursor) {
      if (!connected) return;
      try {
        waiting = chat.waitForEvents(caller, cursor, Duration.ofSeconds(30), Optional.of(Set.of(lobby)));
      } catch (ChatException refused) {
        socket.send("* " + refused.getMessage());
        return;
      }
      waiting.whenCompleteAsync((batch, failure) -> { // async: a player far behind never nests calls
        if (!connected) return;
        if (failure != null) {
          socket.send("* " + failure.getMessage()); // banned while waiting
          return;
        }
        for (Event event : batch.events()) show(event);
        relayFrom(batch.nextBatch());
      });
    }

    private void show(Event event) {
      if (event.content() instanceof EventContent.Message message) {
        Player from = players.get(event.sender());
        socket.send((from == null ? "?" : from.caller.displayName()) + ": " + message.text());
      }
    }
  }
}
