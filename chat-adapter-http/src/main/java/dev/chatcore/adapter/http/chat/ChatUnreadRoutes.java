package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.Route;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /chat} (and {@code /chat/}): nothing but the unread data, the players' poll (SPEC §4).
 * The work is all {@link PlayerEndpoints}'.
 */
public final class ChatUnreadRoutes {
  private final PlayerEndpoints players;

  public ChatUnreadRoutes(PlayerEndpoints players) {
    this.players = players;
  }

  public List<Route> routes() {
    return List.of(
        players.route("GET", "/chat", r -> Map.of()),
        players.route("GET", "/chat/", r -> Map.of()));
  }
}
