package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How receivers get their events: {@code sync} (long-poll {@code GET /v1/sync}), {@code sse}
 * ({@code GET /v1/events}) or {@code ws} ({@code GET /v1/ws}). {@code --transport sync,sse,ws} runs
 * a scenario once per transport, side by side against the same server.
 */
enum Transport {
  SYNC,
  SSE,
  WS;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code --transport}: one name or a comma-separated list, in the order given. */
  static List<Transport> parse(Options o) {
    String raw = o.string("transport", "sync");
    List<Transport> out = new ArrayList<>();
    for (String part : raw.split(",")) {
      if (part.isBlank()) continue;
      try {
        Transport t = valueOf(part.strip().toUpperCase(Locale.ROOT));
        if (out.contains(t))
          throw new IllegalArgumentException("--transport names " + part + " twice");
        out.add(t);
      } catch (IllegalArgumentException e) {
        if (e.getMessage().startsWith("--")) throw e;
        throw new IllegalArgumentException(
            "--transport must be sync, sse or ws (or a list), got '" + part + "'");
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("--transport is empty");
    return List.copyOf(out);
  }

  /**
   * A receiver of this transport on one room from {@code cursor}. {@code waitMs} and {@code
   * maxPolls} are the long-poll's ({@code maxPolls} 1 = park once, for {@code parked}); streams
   * ignore them.
   */
  Receiver receiver(Receiver.Run run, BenchUser user, String cursor, int waitMs, long maxPolls) {
    return switch (this) {
      case SYNC -> new SyncPoller(run, user, cursor, waitMs, maxPolls);
      case SSE -> new SseReceiver(run, user, cursor);
      case WS -> new WsReceiver(run, user, cursor);
    };
  }
}
