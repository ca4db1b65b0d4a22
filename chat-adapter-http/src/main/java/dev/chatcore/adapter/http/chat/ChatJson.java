package dev.chatcore.adapter.http.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.chatcore.application.admin.Broadcast;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.chat.RoomUpdate;
import dev.chatcore.application.chat.RoomUpdates;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.chat.PlaintextClaim;
import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.room.Room;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Wire shapes of {@code /chat} (camelCase, times in Unix seconds, as the Chat V2 seed shows). */
final class ChatJson {
  private ChatJson() {}

  static String type(Room room) {
    return switch (room.type()) {
      case GLOBAL -> "Global";
      case PRIVATE -> "Private";
      case DM -> "DirectMessage";
      case CHANNEL -> "Channel";
    };
  }

  /** A room; {@code unread} null outside {@code roomUpdates}, {@code data} only when asked for. */
  static Map<String, Object> room(
      Room room, List<AccountId> members, List<MessageJson> unread, boolean withData) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (withData) room.data().ifPresent(d -> out.put("data", raw(d)));
    out.put("members", members.stream().map(AccountId::value).toList());
    out.put("type", type(room));
    out.put("unread", unread);
    if (room.number() != 0) out.put("number", room.number());
    out.put("channel", room.broadcastChannels());
    out.put("id", room.id().value());
    out.put("createdOn", room.createdAt().getEpochSecond());
    return out;
  }

  static List<Map<String, Object>> roomUpdates(RoomUpdates updates, boolean detailed) {
    List<Map<String, Object>> out = new ArrayList<>(updates.rooms().size());
    for (RoomUpdate u : updates.rooms()) {
      out.add(
          room(
              u.room(), u.members(), u.unread().stream().map(ChatJson::unread).toList(), detailed));
    }
    return out;
  }

  static List<Map<String, Object>> announcements(RoomUpdates updates) {
    return updates.announcements().stream().map(ChatJson::announcement).toList();
  }

  /**
   * Every message shape of {@code /chat}: the fields a message always has, then those of its
   * context ({@code roomId}, {@code expiration}, {@code updatedOn}, {@code editorId}, {@code
   * hacked}, {@code encrypted}), absent when null. An end-to-end encrypted message has an empty
   * {@code text} and {@code encrypted: true}: {@code /chat} has no keys to read it with. A record
   * rather than a map: an unread answer holds up to 1,000 of them, and a map each (plus Jackson's
   * serializer lookup per value) was a third of the answer's cost.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "accountId",
    "text",
    "context",
    "roomId",
    "id",
    "createdOn",
    "createdOnMs",
    "expiration",
    "updatedOn",
    "editorId",
    "hacked",
    "encrypted"
  })
  record MessageJson(
      String accountId,
      String text,
      @JsonRawValue String context,
      String roomId,
      String id,
      long createdOn,
      long createdOnMs,
      Long expiration,
      Long updatedOn,
      String editorId,
      Boolean hacked,
      Boolean encrypted) {

    MessageJson(
        String accountId,
        String text,
        String context,
        String roomId,
        String id,
        long createdOn,
        long createdOnMs,
        Long expiration,
        Long updatedOn,
        String editorId,
        Boolean hacked) {
      this(
          accountId,
          text,
          context,
          roomId,
          id,
          createdOn,
          createdOnMs,
          expiration,
          updatedOn,
          editorId,
          hacked,
          null);
    }

    /** An end-to-end encrypted message: who and when, no text. */
    MessageJson asEncrypted() {
      return new MessageJson(
          accountId,
          "",
          null,
          roomId,
          id,
          createdOn,
          createdOnMs,
          expiration,
          updatedOn,
          editorId,
          hacked,
          Boolean.TRUE);
    }

    static MessageJson of(
        AccountId author,
        String text,
        Optional<JsonObjectText> context,
        String roomId,
        String id,
        Instant created,
        Optional<Instant> expiration,
        Optional<Instant> updated,
        Optional<AccountId> editor,
        boolean hacked) {
      return new MessageJson(
          author.value(),
          text,
          context.map(JsonObjectText::json).orElse(null),
          roomId,
          id,
          created.getEpochSecond(),
          created.toEpochMilli(),
          seconds(expiration),
          seconds(updated),
          editor.map(AccountId::value).orElse(null),
          hacked ? Boolean.TRUE : null);
    }

    private static Long seconds(Optional<Instant> at) {
      return at.map(Instant::getEpochSecond).orElse(null);
    }
  }

  /** A message inside {@code roomUpdates[].unread}: no {@code roomId}. */
  static MessageJson unread(Event event) {
    if (!(event.content() instanceof EventContent.Message m)) {
      return MessageJson.of(
              event.sender(),
              "",
              Optional.empty(),
              null,
              event.id().toString(),
              event.originTs(),
              Optional.empty(),
              event.updatedAt(),
              Optional.empty(),
              false)
          .asEncrypted();
    }
    return MessageJson.of(
        event.sender(),
        m.text(),
        m.context(),
        null,
        event.id().toString(),
        event.originTs(),
        Optional.empty(),
        event.updatedAt(),
        Optional.empty(),
        false);
  }

  /**
   * A message as its sender gets it back: with {@code roomId} and, when it has one, {@code
   * expiration}.
   */
  static MessageJson posted(PostedMessage p) {
    return MessageJson.of(
        p.author(),
        p.text(),
        p.context(),
        p.room().value(),
        p.id(),
        p.createdAt(),
        p.expiresAt(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** An admin message as the broadcast returns it: {@code roomId} absent on announcements. */
  static MessageJson broadcast(Broadcast.Sent s) {
    return MessageJson.of(
        s.author(),
        s.text(),
        s.context(),
        s.room().map(r -> r.value()).orElse(null),
        s.id(),
        s.createdAt(),
        Optional.of(s.expiresAt()),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  /** A stream message as admins list it: with {@code roomId} and {@code expiration}. */
  static MessageJson adminMessage(Event event) {
    if (!(event.content() instanceof EventContent.Message m)) {
      return MessageJson.of(
              event.sender(),
              "",
              Optional.empty(),
              event.room().value(),
              event.id().toString(),
              event.originTs(),
              event.expiresAt(),
              event.updatedAt(),
              event.editedBy(),
              false)
          .asEncrypted();
    }
    return MessageJson.of(
        event.sender(),
        m.text(),
        m.context(),
        event.room().value(),
        event.id().toString(),
        event.originTs(),
        event.expiresAt(),
        event.updatedAt(),
        event.editedBy(),
        false);
  }

  /** A hacked message as admins list it. */
  static MessageJson hacked(HackedMessage h) {
    return MessageJson.of(
        h.sender(),
        h.text(),
        h.context(),
        h.room().value(),
        h.id(),
        h.createdAt(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        true);
  }

  /** A report as admins see it: the player shape plus who reviewed it. */
  static Map<String, Object> adminReport(Report r) {
    Map<String, Object> out = report(r);
    out.put("reviewerId", r.reviewedBy().map(AccountId::value).orElse(null));
    // filed by the content filter: its reason is in adminNote, its reporter the reserved system id
    out.put("automatic", r.isAutomatic());
    // what reporters say an encrypted message said: for moderators only, and never as fact
    out.put("plaintextClaims", r.claims().stream().map(ChatJson::claim).toList());
    return out;
  }

  static Map<String, Object> announcement(Announcement a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accountId", a.author().value());
    out.put("text", a.text());
    a.context().ifPresent(c -> out.put("context", raw(c)));
    out.put("expiration", a.expiresAt().getEpochSecond());
    out.put("id", a.id());
    out.put("createdOn", a.createdAt().getEpochSecond());
    out.put("createdOnMs", a.createdAt().toEpochMilli());
    a.updatedAt().ifPresent(u -> out.put("updatedOn", u.getEpochSecond()));
    a.editedBy().ifPresent(e -> out.put("editorId", e.value()));
    return out;
  }

  static Map<String, Object> preferences(Preferences p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accountId", p.account().value());
    out.put("settings", p.settings().map(ChatJson::raw).orElse(null));
    out.put("updatedOn", p.updatedAt().getEpochSecond());
    out.put("id", p.id());
    out.put("createdOn", p.createdAt().getEpochSecond());
    return out;
  }

  static Map<String, Object> report(Report r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offendingMessageId", r.message().toString());
    out.put("firstReporterId", r.firstReporter().value());
    out.put("reporterIds", r.reporterIds().stream().map(AccountId::value).toList());
    out.put("reportedCount", r.reportedCount());
    out.put("messageLog", r.log().stream().map(ChatJson::logged).toList());
    out.put("roomId", r.room().value());
    out.put("status", r.status().value());
    out.put("adminNote", r.adminNote().orElse(null));
    out.put("id", r.id());
    out.put("createdOn", r.createdAt().getEpochSecond());
    return out;
  }

  static Map<String, Object> logged(ReportedMessage m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accountId", m.author().value());
    out.put("text", m.text());
    m.context().ifPresent(c -> out.put("context", raw(c)));
    out.put("id", m.id().toString());
    out.put("createdOn", m.createdAt().getEpochSecond());
    if (m.encrypted()) out.put("encrypted", true);
    return out;
  }

  private static Map<String, Object> claim(PlaintextClaim c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reporterId", c.reporter().value());
    out.put("text", c.text());
    out.put("verified", false);
    out.put("createdOn", c.at().getEpochSecond());
    return out;
  }

  private static RawValue raw(JsonObjectText json) {
    return new RawValue(json.json());
  }
}
