package dev.chatcore.adapter.http.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.application.message.MessageAggregates;
import dev.chatcore.application.message.MessageSummary;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.sync.DeviceUpdates;
import dev.chatcore.domain.sync.SyncBatch;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes events for the live streams once per event, not once per receiver: each event's JSON
 * (exactly as {@code /v1/sync} renders it) is written once into an SSE frame ({@code id:}, {@code
 * event:}, {@code data:}), and every stream that delivers the event sends those same bytes; a
 * WebSocket batch frame copies the JSON out of them.
 *
 * <p><b>What may be shared.</b> A message's JSON carries aggregates, and {@code reactions[].me} is
 * the viewer's own: only a message without reactions (which is what a live stream delivers almost
 * always: a message that just arrived) reads the same for every viewer. Those, and every
 * non-message event, are cached; a message with reactions is encoded for its viewer, as sync does.
 * The aggregates of a cached message are those of its first encoding; a later {@code m.reaction},
 * {@code m.edit} or {@code m.redaction} of it that a stream encodes drops the cached copy, and the
 * cache keeps an entry {@link #TTL} at most, so a stream that resumes later reads fresh aggregates
 * as sync would. (Receipts change {@code read_by} of many messages at once and do not drop entries:
 * {@code read_by} is as of the first encoding, within the TTL.)
 *
 * <p>Bounded: at most {@link #MAX_CACHED_BYTES} of encoded events. Thread-safe.
 */
final class StreamEncoder {
  static final long MAX_CACHED_BYTES = 32L << 20;
  static final Duration TTL = Duration.ofSeconds(30);

  /** An event's SSE frame; its JSON is {@code frame[jsonFrom, jsonFrom + jsonLength)}. */
  record Encoded(byte[] frame, int jsonFrom, int jsonLength) {
    ByteBuffer sse() {
      return ByteBuffer.wrap(frame);
    }
  }

  static final Duration LATEST_FOR = Duration.ofSeconds(1);

  private static final byte[] EVENTS_OPEN =
      "{\"type\":\"events\",\"events\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENTS_NEXT =
      "],\"next_batch\":\"".getBytes(StandardCharsets.US_ASCII);

  private final MessageAggregates aggregates;
  private final Cache<EventId, Encoded> shared =
      Caffeine.newBuilder()
          .maximumWeight(MAX_CACHED_BYTES)
          .weigher((EventId id, Encoded e) -> e.frame().length + 64)
          .expireAfterWrite(TTL)
          .build();

  /**
   * The event a fan-out has every stream encode next: a thousand streams delivering one message
   * read this field instead of a thousand cache lookups (whose read buffers they would contend on).
   * Trusted for {@link #LATEST_FOR} after it was set; cleared like a cached copy.
   */
  private record Latest(EventId id, Encoded encoded, long untilNanos) {}

  private volatile Latest latest;

  StreamEncoder(MessageAggregates aggregates) {
    this.aggregates = aggregates;
  }

  /** The events of a batch as {@code viewer} gets them, in order. */
  List<Encoded> encode(AccountId viewer, List<Event> events) {
    List<Encoded> out = new ArrayList<>(events.size());
    List<Event> missing = null;
    for (Event e : events) {
      forgetTargetOf(e);
      Encoded cached = cached(e.id());
      out.add(cached);
      if (cached == null) {
        if (missing == null) missing = new ArrayList<>();
        missing.add(e);
      }
    }
    if (missing == null) return out;
    // one aggregate read for every message missing, as sync reads a batch's
    Map<EventId, MessageSummary> summaries = aggregates.summarize(viewer, missing);
    for (int i = 0, m = 0; i < out.size() && m < missing.size(); i++) {
      if (out.get(i) != null) continue;
      Event e = missing.get(m++);
      MessageSummary summary = summaries.getOrDefault(e.id(), MessageSummary.NONE);
      Encoded fresh = frame(e, summary);
      // the first encoding of an event wins: every stream then sends the same bytes
      out.set(
          i,
          summary.reactions().isEmpty()
              ? remember(e.id(), shared.asMap().computeIfAbsent(e.id(), k -> fresh))
              : fresh);
    }
    return out;
  }

  private Encoded cached(EventId id) {
    Latest l = latest;
    if (l != null && l.id().equals(id) && System.nanoTime() - l.untilNanos() < 0)
      return l.encoded();
    Encoded c = shared.getIfPresent(id);
    return c == null ? null : remember(id, c);
  }

  private Encoded remember(EventId id, Encoded encoded) {
    latest = new Latest(id, encoded, System.nanoTime() + LATEST_FOR.toNanos());
    return encoded;
  }

  private void forget(EventId target) {
    shared.invalidate(target);
    Latest l = latest;
    if (l != null && l.id().equals(target)) latest = null;
  }

  /**
   * {@code {"type":"events","events":[...],"next_batch":"<id>"}}: one WebSocket text frame; for a
   * caller on a device also {@code to_device}, {@code device_lists} and the key counts, in the
   * names and shapes of a sync answer.
   */
  byte[] websocketFrame(AccountId viewer, SyncBatch batch) {
    List<Encoded> events = encode(viewer, batch.events());
    int size = 64;
    for (Encoded e : events) size += e.jsonLength() + 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.writeBytes(EVENTS_OPEN);
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) out.write(',');
      Encoded e = events.get(i);
      out.write(e.frame(), e.jsonFrom(), e.jsonLength());
    }
    out.writeBytes(EVENTS_NEXT);
    out.writeBytes(batch.nextBatch().toString().getBytes(StandardCharsets.US_ASCII));
    out.write('"');
    batch.device().ifPresent(d -> writeDeviceFields(out, d));
    out.write('}');
    return out.toByteArray();
  }

  /**
   * {@code ,"to_device":[...],"device_lists":{...},...}: the members of a sync answer's device
   * share.
   */
  private static void writeDeviceFields(ByteArrayOutputStream out, DeviceUpdates device) {
    Map<String, Object> fields = new LinkedHashMap<>();
    V1DeviceJson.addTo(fields, device);
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(fields);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("cannot encode a device's share", x);
    }
    out.write(',');
    out.write(json, 1, json.length - 2); // the members, without the object's braces
  }

  /** An event that changes another's aggregates or content drops that one's cached copy. */
  private void forgetTargetOf(Event e) {
    switch (e.content()) {
      case EventContent.Reaction r -> forget(r.target());
      case EventContent.Edit x -> forget(x.target());
      case EventContent.Redaction r -> forget(r.target());
      default -> {}
    }
  }

  /**
   * {@code id: <id>\nevent: <type>\ndata: <json>\n\n}. The JSON must sit on one {@code data:} line:
   * valid JSON has raw line breaks only as whitespace between tokens (compact writing escapes them
   * inside strings, a stored context included), so any there become blanks, which keeps the JSON's
   * meaning and length, and the WebSocket copy exact.
   */
  private static Encoded frame(Event e, MessageSummary summary) {
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(V1Json.event(e, Map.of(e.id(), summary)));
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("cannot encode event " + e.id(), x);
    }
    byte[] head =
        ("id: " + e.id() + "\nevent: " + e.type().wireName() + "\ndata: ")
            .getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[head.length + json.length + 2];
    System.arraycopy(head, 0, frame, 0, head.length);
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      frame[head.length + i] = b == '\n' || b == '\r' ? (byte) ' ' : b;
    }
    frame[frame.length - 2] = '\n';
    frame[frame.length - 1] = '\n';
    return new Encoded(frame, head.length, json.length);
  }
}
