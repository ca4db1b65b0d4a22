package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.report.ReportMessage;
import java.util.List;
import java.util.Map;

/** {@code POST /chat/report} (SPEC §4): a player reports a message it can see and did not write. */
public final class ChatReportRoutes {
  private final PlayerEndpoints players;
  private final ReportMessage reportMessage;

  public ChatReportRoutes(PlayerEndpoints players, ReportMessage reportMessage) {
    this.players = players;
    this.reportMessage = reportMessage;
  }

  public List<Route> routes() {
    return List.of(players.route("POST", "/chat/report", this::report));
  }

  private Map<String, Object> report(ApiRequest r) {
    String messageId = r.json().requiredString("messageId");
    return Map.of(
        "report",
        ChatJson.report(
            reportMessage.report(
                new ReportMessage.Command(
                    r.caller(), messageId, r.json().optionalString("claimedText")))));
  }
}
