package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.preferences.GetPreferences;
import dev.chatcore.application.preferences.UpdatePreferences;
import java.util.List;
import java.util.Map;

/** {@code /chat/preferences} (SPEC §4): a player's settings, read and replaced wholesale. */
public final class ChatPreferenceRoutes {
  private final PlayerEndpoints players;
  private final GetPreferences getPreferences;
  private final UpdatePreferences updatePreferences;

  public ChatPreferenceRoutes(
      PlayerEndpoints players, GetPreferences getPreferences, UpdatePreferences updatePreferences) {
    this.players = players;
    this.getPreferences = getPreferences;
    this.updatePreferences = updatePreferences;
  }

  public List<Route> routes() {
    return List.of(
        players.route("GET", "/chat/preferences", this::preferences),
        players.route("PUT", "/chat/preferences/update", this::updatePreferences));
  }

  private Map<String, Object> preferences(ApiRequest r) {
    return Map.of("preferences", ChatJson.preferences(getPreferences.get(r.caller())));
  }

  private Map<String, Object> updatePreferences(ApiRequest r) {
    var stored =
        updatePreferences.update(
            new UpdatePreferences.Command(r.caller(), r.json().optionalOpaqueObject("settings")));
    return Map.of("preferences", ChatJson.preferences(stored));
  }
}
