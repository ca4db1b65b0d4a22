package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Futures;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.Caller;
import dev.chatcore.application.message.MessageAggregates;
import dev.chatcore.application.message.MessageSummary;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /v1/sync} (SPEC §3), the long poll: the handler parks on the application's future and
 * holds no thread; the rate limit does not count it.
 */
public final class V1SyncRoutes {
  private final Sync sync;
  private final MessageAggregates aggregates;
  private final Duration defaultTimeout;

  /**
   * @param aggregates the {@code reactions} and {@code read_by} of the messages a batch delivers
   * @param defaultTimeout how long a sync without {@code timeout} waits
   */
  public V1SyncRoutes(Sync sync, MessageAggregates aggregates, Duration defaultTimeout) {
    this.sync = sync;
    this.aggregates = aggregates;
    this.defaultTimeout = defaultTimeout;
  }

  public List<Route> routes() {
    return List.of(new Route("GET", "/v1/sync", true, this::sync).unlimited());
  }

  private CompletableFuture<Reply> sync(ApiRequest r) {
    Caller caller = r.caller();
    EventId since =
        r.queryEvent("since").orElseThrow(() -> new InvalidInputException("since", "is required"));
    Duration timeout = r.query("timeout").map(SyncParams::timeout).orElse(defaultTimeout);
    Sync.Command command =
        new Sync.Command(caller, since, timeout, SyncParams.filter(r.query("filter")));
    return Futures.map(
        sync.sync(command),
        batch -> syncReply(batch, aggregates.summarize(caller.id(), batch.events())));
  }

  private static Reply syncReply(SyncBatch batch, Map<EventId, MessageSummary> summaries) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("events", batch.events().stream().map(e -> V1Json.event(e, summaries)).toList());
    out.put("next_batch", batch.nextBatch().toString());
    out.put("limited", batch.limited());
    batch.device().ifPresent(d -> V1DeviceJson.addTo(out, d));
    return Reply.ok(out);
  }
}
