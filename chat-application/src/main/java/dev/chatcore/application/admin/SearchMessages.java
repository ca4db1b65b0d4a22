package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /chat/admin/messages/search}: admins search the stream's messages by a literal,
 * case-insensitive substring of their text (never a user regex), newest first, paged. Encrypted
 * messages have no text to match; hacked messages are not searched.
 */
public final class SearchMessages {
  public static final int TERM_MAX_CHARS = 200;

  /**
   * @param room only this room's messages; empty for every room
   * @param account only this account's messages; empty for every sender
   * @param term what the text must contain, stripped first
   */
  public record Query(
      Caller caller, Optional<RoomId> room, Optional<AccountId> account, String term, int page) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(term, "term");
    }
  }

  private final MessagePages pages;

  @Inject
  public SearchMessages(EventLog events) {
    this.pages = new MessagePages(events);
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a negative page, or a blank or over-long term
   */
  public MessagePage search(Query query) {
    query.caller().requireAdmin();
    MessagePages.offset(query.page());
    String term = query.term().strip();
    if (term.isEmpty() || term.length() > TERM_MAX_CHARS) {
      throw new InvalidInputException("term", "must be 1 to " + TERM_MAX_CHARS + " characters");
    }
    return pages.read(
        new MessageFilter(query.room(), query.account(), Optional.of(term)), query.page());
  }
}
