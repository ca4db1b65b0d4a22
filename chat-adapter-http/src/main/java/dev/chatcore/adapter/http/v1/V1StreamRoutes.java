package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.ConnectionWatch;
import dev.chatcore.adapter.http.HttpProblem;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.message.MessageAggregates;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.CallGate;
import dev.chatcore.application.stream.IssueStreamTicket;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.EventId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Live push (SPEC §9): {@code GET /v1/events} (Server-Sent Events), {@code GET /v1/ws} (WebSocket)
 * and {@code POST /v1/stream-tickets}. Both streams deliver exactly what consecutive {@code
 * /v1/sync} calls following {@code next_batch} deliver, through the core's {@link OpenStream}; this
 * class only parses the cursor and hands the exchange to the framing.
 */
public final class V1StreamRoutes {
  /** WebSocket protocol versions Undertow's handshake speaks (RFC 6455 is 13). */
  private static final Set<String> WEBSOCKET_VERSIONS = Set.of("13", "8", "7");

  private final OpenStream openStream;
  private final IssueStreamTicket issueStreamTicket;
  private final StreamEncoder encoder;
  private final ConnectionWatch watch = new ConnectionWatch();
  private final WsSession.Wiring ws;

  /**
   * @param sendMessage what a WebSocket {@code send} calls, as {@code POST /v1/rooms/{id}/messages}
   *     does
   * @param aggregates the {@code reactions} and {@code read_by} of the messages a stream delivers
   * @param gate the bans and rate limit that a WebSocket {@code send} passes, as a post does
   * @param executor where WebSocket frames are handled (virtual threads in the server)
   * @param maxFrameBytes the largest WebSocket frame a client may send: the request body limit
   */
  public V1StreamRoutes(
      OpenStream openStream,
      IssueStreamTicket issueStreamTicket,
      SendMessage sendMessage,
      MessageAggregates aggregates,
      CallGate gate,
      Executor executor,
      long maxFrameBytes) {
    this.openStream = openStream;
    this.issueStreamTicket = issueStreamTicket;
    this.encoder = new StreamEncoder(aggregates);
    this.ws = new WsSession.Wiring(openStream, sendMessage, gate, encoder, executor, maxFrameBytes);
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/events", true, this::events).withTicket(),
        Route.of("GET", "/v1/ws", true, this::websocket).withTicket(),
        Route.of("POST", "/v1/stream-tickets", true, this::ticket));
  }

  /**
   * The cursor is {@code Last-Event-ID} when the client sends one (an EventSource that reconnects
   * sends it with its first URL, whose {@code since} is older), else {@code since}.
   */
  private Reply events(ApiRequest r) {
    EventId since =
        r.header("Last-Event-ID")
            .map(v -> EventId.parse(v, "Last-Event-ID"))
            .or(() -> r.queryEvent("since"))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "since", "is required (or the Last-Event-ID header)"));
    SseStream sse = new SseStream(r.caller().id(), encoder, watch);
    return Reply.ok(
        sse.carrying(
            openStream.open(
                new OpenStream.Command(r.caller(), since, SyncParams.filter(r.query("filter"))),
                sse)));
  }

  private Reply websocket(ApiRequest r) {
    boolean upgrade = r.header("Upgrade").map(v -> v.equalsIgnoreCase("websocket")).orElse(false);
    if (!upgrade || r.header("Sec-WebSocket-Key").isEmpty()) {
      throw HttpProblem.badRequest("expected a WebSocket handshake (Upgrade: websocket)");
    }
    String version = r.header("Sec-WebSocket-Version").orElse("");
    if (!WEBSOCKET_VERSIONS.contains(version.toLowerCase(Locale.ROOT))) {
      throw HttpProblem.badRequest("Sec-WebSocket-Version must be 13");
    }
    return Reply.ok(new WsUpgrade(r.caller(), ws));
  }

  private Reply ticket(ApiRequest r) {
    IssueStreamTicket.Ticket ticket = issueStreamTicket.issue(r.caller());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ticket", ticket.value());
    out.put("expires_in", ticket.expiresIn().toSeconds());
    return Reply.ok(out);
  }
}
