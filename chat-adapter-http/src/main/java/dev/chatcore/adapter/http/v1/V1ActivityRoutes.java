package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.reaction.AddReaction;
import dev.chatcore.application.reaction.ReactionResult;
import dev.chatcore.application.reaction.RemoveReaction;
import dev.chatcore.application.receipt.PostReceipt;
import dev.chatcore.application.typing.SetTyping;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.EventId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1} reactions, typing notices and read receipts (SPEC §3). */
public final class V1ActivityRoutes {
  private final AddReaction addReaction;
  private final RemoveReaction removeReaction;
  private final SetTyping setTyping;
  private final PostReceipt postReceipt;

  public V1ActivityRoutes(
      AddReaction addReaction,
      RemoveReaction removeReaction,
      SetTyping setTyping,
      PostReceipt postReceipt) {
    this.addReaction = addReaction;
    this.removeReaction = removeReaction;
    this.setTyping = setTyping;
    this.postReceipt = postReceipt;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/rooms/{id}/messages/{event_id}/react", true, this::react),
        Route.of("DELETE", "/v1/rooms/{id}/messages/{event_id}/react", true, this::unreact),
        Route.of("POST", "/v1/rooms/{id}/typing", true, this::typing),
        Route.of("POST", "/v1/rooms/{id}/read-receipts", true, this::receipt));
  }

  private Reply react(ApiRequest r) {
    String key = r.json().requiredString("key");
    return reaction(
        addReaction.add(
            new AddReaction.Command(r.caller(), r.pathRoom("id"), r.pathEvent("event_id"), key)));
  }

  private Reply unreact(ApiRequest r) {
    String key = r.query("key").orElseThrow(() -> new InvalidInputException("key", "is required"));
    return reaction(
        removeReaction.remove(
            new RemoveReaction.Command(
                r.caller(), r.pathRoom("id"), r.pathEvent("event_id"), key)));
  }

  private static Reply reaction(ReactionResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("changed", result.changed());
    out.put("reactions", V1Json.reactions(result.reactions()));
    return Reply.ok(out);
  }

  private Reply typing(ApiRequest r) {
    JsonBody body = r.json();
    boolean typing =
        body.optionalBoolean("typing")
            .orElseThrow(() -> new InvalidInputException("typing", "is required"));
    Duration holds =
        setTyping.set(
            new SetTyping.Command(
                r.caller(),
                r.pathRoom("id"),
                typing,
                body.optionalLong("timeout").map(Duration::ofMillis)));
    return Reply.ok(Map.of("timeout_ms", holds.toMillis()));
  }

  private Reply receipt(ApiRequest r) {
    EventId upTo = EventId.parse(r.json().requiredString("event_id"), "event_id");
    EventId now = postReceipt.post(new PostReceipt.Command(r.caller(), r.pathRoom("id"), upTo));
    return Reply.ok(Map.of("event_id", now.toString()));
  }
}
