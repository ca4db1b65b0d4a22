package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.AdminRoutes.adminOnly;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.admin.AdminAnnouncements;
import dev.chatcore.application.admin.Broadcast;
import dev.chatcore.application.admin.DeleteMessage;
import dev.chatcore.application.admin.EditMessage;
import dev.chatcore.application.admin.ListAdminMessages;
import dev.chatcore.application.admin.MessagePage;
import dev.chatcore.application.admin.SearchMessages;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /chat/admin/broadcast} and {@code /chat/admin/messages} (SPEC §4, reference §6): an
 * admin's broadcasts and announcements, and the listing, search, edit and deletion of messages and
 * announcements. Every route is {@linkplain AdminRoutes#adminOnly admin only}.
 */
public final class AdminMessageRoutes {
  private static final Set<String> BROADCAST_FIELDS =
      Set.of("text", "context", "roomId", "channel", "accountId");

  private final Broadcast broadcast;
  private final ListAdminMessages listMessages;
  private final SearchMessages searchMessages;
  private final EditMessage editMessage;
  private final DeleteMessage deleteMessage;
  private final AdminAnnouncements announcements;

  /**
   * @param announcements the active announcements the listing shows, and their ending where a
   *     deletion names one
   */
  public AdminMessageRoutes(
      Broadcast broadcast,
      ListAdminMessages listMessages,
      SearchMessages searchMessages,
      EditMessage editMessage,
      DeleteMessage deleteMessage,
      AdminAnnouncements announcements) {
    this.broadcast = broadcast;
    this.listMessages = listMessages;
    this.searchMessages = searchMessages;
    this.editMessage = editMessage;
    this.deleteMessage = deleteMessage;
    this.announcements = announcements;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/chat/admin/broadcast", true, adminOnly(this::broadcast)),
        Route.of("GET", "/chat/admin/messages", true, adminOnly(this::messages)),
        Route.of("GET", "/chat/admin/messages/search", true, adminOnly(this::search)),
        Route.of("DELETE", "/chat/admin/messages/delete", true, adminOnly(this::deleteMessage)),
        Route.of("PUT", "/chat/admin/messages/update", true, adminOnly(this::updateMessage)));
  }

  private Reply broadcast(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("messages", "expiration", "lastRead"));
    List<JsonBody> messages =
        body.optionalObjectList("messages")
            .orElseThrow(() -> new InvalidInputException("messages", "is required"));
    List<Broadcast.Item> items = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      JsonBody m = messages.get(i);
      m.allowOnly(BROADCAST_FIELDS);
      String field = "messages[" + i + "]";
      items.add(
          new Broadcast.Item(
              m.optionalString("roomId")
                  .filter(s -> !s.isBlank())
                  .map(s -> RoomId.parse(s.strip(), field + ".roomId")),
              m.optionalInt("channel").orElse(0),
              m.optionalString("accountId")
                  .map(s -> AccountId.parse(s.strip(), field + ".accountId")),
              m.optionalString("text").orElse(null),
              m.optionalOpaqueObject("context")));
    }
    Optional<Instant> expiration = body.optionalEpochSecond("expiration");
    List<Broadcast.Sent> sent =
        broadcast.broadcast(new Broadcast.Command(r.caller(), items, expiration));
    return Reply.ok(Map.of("messages", sent.stream().map(ChatJson::broadcast).toList()));
  }

  private Reply messages(ApiRequest r) {
    ListAdminMessages.Page found =
        listMessages.list(
            new ListAdminMessages.Query(
                r.caller(),
                r.query("roomId").map(s -> RoomId.parse(s.strip(), "roomId")),
                r.query("accountId").map(s -> AccountId.parse(s.strip(), "accountId")),
                r.query("messageId").map(String::strip),
                r.queryInt("page").orElse(0)));
    Map<String, Object> out = messagePage(found.messages());
    out.put("hackedMessages", found.hacked().stream().map(ChatJson::hacked).toList());
    out.put("remainingHackedMessageCount", found.remainingHacked());
    out.put(
        "announcements",
        announcements.active(r.caller()).stream().map(ChatJson::announcement).toList());
    return Reply.ok(out);
  }

  private Reply search(ApiRequest r) {
    String term =
        r.query("term").orElseThrow(() -> new InvalidInputException("term", "is required"));
    MessagePage found =
        searchMessages.search(
            new SearchMessages.Query(
                r.caller(),
                Optional.empty(),
                Optional.empty(),
                term,
                r.queryInt("page").orElse(0)));
    return Reply.ok(messagePage(found));
  }

  private static Map<String, Object> messagePage(MessagePage found) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", found.events().stream().map(ChatJson::adminMessage).toList());
    out.put("page", found.page());
    out.put("messagesPerPage", found.perPage());
    out.put("remainingMessageCount", found.remaining());
    return out;
  }

  private Reply updateMessage(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("message", "lastRead"));
    JsonBody m = body.requiredObject("message");
    m.allowOnly(Set.of("id", "text", "context", "expiration"));
    EditMessage.Edited edited =
        editMessage.edit(
            new EditMessage.Command(
                r.caller(),
                m.requiredString("id").strip(),
                m.optionalString("text"),
                m.optionalOpaqueObject("context"),
                m.optionalEpochSecond("expiration")));
    return Reply.ok(
        Map.of(
            "message",
            switch (edited) {
              case EditMessage.Edited.Message e -> ChatJson.adminMessage(e.event());
              case EditMessage.Edited.Announced a -> ChatJson.announcement(a.announcement());
            }));
  }

  private Reply deleteMessage(ApiRequest r) {
    String id =
        r.query("id")
            .map(String::strip)
            .orElseThrow(() -> new InvalidInputException("id", "is required"));
    // an announcement ends; any other message is redacted and deleted
    if (!announcements.end(r.caller(), id)) {
      deleteMessage.delete(new DeleteMessage.Command(r.caller(), id));
    }
    return Reply.ok(Map.of());
  }
}
