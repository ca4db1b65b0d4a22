package dev.chatcore.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code history}: a channel seeded with M messages (default 120), each carrying K reaction keys
 * (default 20) from several users and read receipts of 100 readers; then {@code GET
 * /v1/rooms/{id}/messages?limit=100} at a fixed rate (readers take turns, so no account nears the
 * rate limit).
 */
final class HistoryScenario implements Scenario {
  private final int seedMessages;
  private final int keys;
  private final int reactors;
  private final int readers;
  private final int authors;
  private final double seedPace;
  private final FixedRateLoad load;
  private final int limit;

  HistoryScenario(Options o) {
    seedMessages = (int) o.number("seed-messages", 120, 1, 100_000);
    keys = (int) o.number("keys", 20, 0, 1000);
    reactors = (int) o.number("reactors", 10, 1, 1000);
    readers = (int) o.number("readers", 100, 1, 100_000);
    authors = (int) o.number("authors", 10, 1, 1000);
    seedPace = o.decimal("seed-pace", 15);
    load = new FixedRateLoad(o, 200, 16);
    limit = (int) o.number("limit", 100, 1, 1000);
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    Target t = ctx.target();
    Tokens tokens = ctx.tokens();
    BenchUser admin = tokens.user("bench-admin", true);
    String roomId;
    try (Api api = new Api(t)) {
      roomId = api.createChannel(admin, "bench-history-" + System.currentTimeMillis());
    }
    long seed0 = System.nanoTime();
    Seeder seeder = new Seeder(t, seedPace);
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<BenchUser> authorUsers = tokens.users("author", authors);
    List<Seeder.Task> posts = new ArrayList<>();
    for (int a = 0; a < authors; a++) {
      int first = a;
      BenchUser u = authorUsers.get(a);
      posts.add(
          p -> {
            for (int i = first; i < seedMessages; i += authors) {
              ids.add(
                  p.call().postMessage(roomId, u, "history message " + i + " of the bench seed"));
            }
          });
    }
    seeder.runAll(posts);
    List<String> sorted = new ArrayList<>(ids);
    Collections.sort(sorted); // event ids are totally ordered (SPEC §2)

    List<BenchUser> reactorUsers = tokens.users("reactor", reactors);
    List<Seeder.Task> reacts = new ArrayList<>();
    for (int j = 0; j < reactors; j++) {
      int mine = j;
      BenchUser u = reactorUsers.get(j);
      reacts.add(
          p -> {
            for (String id : sorted) {
              for (int k = mine; k < keys; k += reactors) {
                ObjectNode body = Api.JSON.createObjectNode().put("key", "k" + k);
                p.call().post("/v1/rooms/" + roomId + "/messages/" + id + "/react", u, body);
              }
            }
          });
    }
    seeder.runAll(reacts);

    List<BenchUser> readerUsers = tokens.users("reader", readers);
    List<Seeder.Task> receipts = new ArrayList<>();
    for (int i = 0; i < readers; i++) {
      BenchUser u = readerUsers.get(i);
      String at = sorted.get((int) ((long) i * sorted.size() / readers));
      receipts.add(
          p ->
              p.call()
                  .post(
                      "/v1/rooms/" + roomId + "/read-receipts",
                      u,
                      Api.JSON.createObjectNode().put("event_id", at)));
    }
    seeder.runAll(receipts);
    double seedSeconds = (System.nanoTime() - seed0) / 1e9;

    String path = "/v1/rooms/" + roomId + "/messages?limit=" + limit;
    HttpResponse sample;
    try (Api api = new Api(t)) {
      sample = api.raw("GET", path, readerUsers.get(0), null);
    }
    if (!sample.ok()) throw Api.failure("GET", path, sample);
    RequestLoop.Call get =
        (c, seq, due) -> c.get(path, readerUsers.get((int) (seq % readers)).token(), 30_000);
    FixedRateLoad.Measured m = load.run(ctx, t, get);
    LoadStats s = m.stats();

    r.put("room_id", roomId)
        .put("seed_messages", seedMessages)
        .put("reaction_keys", keys)
        .put("reactors", reactors);
    r.put("readers", readers).put("seed_s", seedSeconds).put("seed_requests", seeder.requests());
    r.put("seed_rate_limited_418", seeder.rateLimited());
    r.put("page_events", Wire.count(sample.body(), "\"event_id\""));
    r.put("page_reaction_entries", Wire.count(sample.body(), "\"key\""));
    r.put("page_has_read_by", sample.body().contains("\"read_by\""));
    r.put("page_bytes", sample.bytes());
    r.line(
        "history: seeded %d messages x %d reaction keys, %d read receipts in %.1f s (%d requests, %d answered 418)",
        seedMessages, keys, readers, seedSeconds, seeder.requests(), seeder.rateLimited());
    r.line(
        "  page of %d: %d events, %d reaction entries, read_by %s, %d bytes",
        limit,
        (int) r.getDouble("page_events"),
        (int) r.getDouble("page_reaction_entries"),
        r.get("page_has_read_by"),
        sample.bytes());
    m.report(r, "GET messages");
    if (s.ok.sum() == 0)
      throw new BenchFailure("no history request succeeded: " + s.firstFailure());
    RateLimitCheck.flag(r, s);
  }
}
