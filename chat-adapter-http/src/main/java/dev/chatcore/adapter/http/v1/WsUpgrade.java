package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.Reply;
import dev.chatcore.application.Caller;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;

/**
 * The WebSocket handshake of {@code GET /v1/ws}, with Undertow's own WebSocket support, once the
 * request passed authentication (header or ticket) and the gate; the connection then belongs to a
 * {@link WsSession}.
 */
final class WsUpgrade implements Reply.Takeover {
  private static final AttachmentKey<WsUpgrade> UPGRADE = AttachmentKey.create(WsUpgrade.class);

  /**
   * One handshake handler for every connection: it finds its upgrade on the exchange. A request
   * that is no valid handshake after all (the route checked the headers that matter) gets a bare
   * 400 from its fallback.
   */
  private static final WebSocketProtocolHandshakeHandler HANDSHAKE =
      new WebSocketProtocolHandshakeHandler(
          (WebSocketConnectionCallback)
              (exchange, channel) -> exchange.getAttachment(UPGRADE).connected(channel),
          (HttpHandler)
              exchange -> {
                exchange.getAttachment(UPGRADE).finished.run();
                exchange.setStatusCode(400);
                exchange.endExchange();
              });

  private final Caller caller;
  private final WsSession.Wiring wiring;
  private Runnable finished;

  WsUpgrade(Caller caller, WsSession.Wiring wiring) {
    this.caller = caller;
    this.wiring = wiring;
  }

  @Override
  public void start(HttpServerExchange exchange, Runnable finished) {
    this.finished = finished;
    exchange.putAttachment(UPGRADE, this);
    try {
      HANDSHAKE.handleRequest(exchange);
    } catch (Exception e) {
      throw new IllegalStateException("WebSocket handshake failed", e);
    }
  }

  @Override
  public void abandon() {
    // nothing opened yet: the stream opens with the client's resume frame
  }

  private void connected(WebSocketChannel channel) {
    new WsSession(caller, channel, wiring).start(finished);
  }
}
