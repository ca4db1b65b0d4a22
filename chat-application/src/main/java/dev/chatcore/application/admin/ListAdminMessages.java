package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.HexIds;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.HackedMessageRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /chat/admin/messages}: admins page through the stream's messages of a room, an account
 * or all, newest first, and apart from them, paged alike, the "hacked" messages (sent to a room
 * their sender was not in) matching the same filters; or look up one message of either kind by id.
 */
public final class ListAdminMessages {
  /**
   * @param messageId one message (stream or hacked) instead of a listing
   */
  public record Query(
      Caller caller,
      Optional<RoomId> room,
      Optional<AccountId> account,
      Optional<String> messageId,
      int page) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(messageId, "messageId");
    }
  }

  /**
   * A page of stream messages and the same page of hacked messages, with how many of them follow.
   */
  public record Page(MessagePage messages, List<HackedMessage> hacked, long remainingHacked) {
    public Page {
      hacked = List.copyOf(hacked);
    }
  }

  private final HackedMessageRepository hackedMessages;
  private final MessagePages pages;
  private final MessageLookup lookup;

  @Inject
  public ListAdminMessages(EventLog events, HackedMessageRepository hackedMessages) {
    this.hackedMessages = hackedMessages;
    this.pages = new MessagePages(events);
    this.lookup = new MessageLookup(events);
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a negative page or a message id that is no 24-hex id
   */
  public Page list(Query query) {
    query.caller().requireAdmin();
    long offset = MessagePages.offset(query.page());
    if (query.messageId().isPresent()) return one(query.messageId().get(), query.page());
    if (!MessagePages.reachable(offset))
      return new Page(MessagePage.empty(query.page()), List.of(), 0);
    MessagePage messages =
        pages.read(
            new MessageFilter(query.room(), query.account(), Optional.empty()), query.page());
    List<HackedMessage> hacked =
        hackedMessages.list(query.room(), query.account(), (int) offset, MessagePage.PER_PAGE);
    long totalHacked = hackedMessages.count(query.room(), query.account());
    return new Page(messages, hacked, Math.max(0, totalHacked - offset - hacked.size()));
  }

  /** The message with this id on the first page, whichever kind it is; later pages are empty. */
  private Page one(String id, int page) {
    HexIds.normalize(id, "messageId");
    Optional<Event> event = lookup.find(id);
    Optional<HackedMessage> hacked = event.isPresent() ? Optional.empty() : hackedMessages.find(id);
    boolean first = page == 0;
    return new Page(
        new MessagePage(first ? event.stream().toList() : List.of(), page, MessagePage.PER_PAGE, 0),
        first ? hacked.stream().toList() : List.of(),
        0);
  }
}
