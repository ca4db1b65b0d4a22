package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /chat/admin/messages}, {@code GET /chat/admin/messages/search} and
 * {@code DELETE /chat/admin/messages/delete}: admins page through messages (hacked ones
 * included, apart), search them by a literal case-insensitive substring (never a user regex),
 * and delete one ({@code m.redaction} in its room, so {@code /v1} clients learn of it; the message
 * disappears from history, sync and unread).
 */
public final class AdminMessages {
  public static final int PER_PAGE = 100;
  public static final int TERM_MAX_CHARS = 200;

  /** @param messageId one message (stream or hacked) instead of a listing */
  public record Query(Caller caller, Optional<RoomId> room, Optional<AccountId> account, Optional<String> messageId,
      Optional<String> term, int page) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(term, "term");
    }
  }

  /** A page of stream messages and, paged alike, of hacked messages matching the same filters. */
  public record Page(List<Event> messages, List<HackedMessage> hacked, int page, int perPage, long remaining,
      long remainingHacked) {}

  private final ChatStorage storage;
  private final EventPublisher publisher;
  private final Clock clock;

  @Inject
  public AdminMessages(ChatStorage storage, EventPublisher publisher, Clock clock) {
    this.storage = storage;
    this.publisher = publisher;
    this.clock = clock;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a negative page, or a blank or over-long search term
   */
  public Page list(Query query) {
    query.caller().requireAdmin();
    if (query.page() < 0) throw new InvalidInputException("page", "must be 0 or more");
    Optional<String> term = query.term().map(String::strip);
    if (term.filter(t -> t.isEmpty() || t.length() > TERM_MAX_CHARS).isPresent()) {
      throw new InvalidInputException("term", "must be 1 to " + TERM_MAX_CHARS + " characters");
    }
    if (query.messageId().isPresent()) return one(query.messageId().get(), query.page());
    long offset = (long) query.page() * PER_PAGE;
    if (offset > Integer.MAX_VALUE) return new Page(List.of(), List.of(), query.page(), PER_PAGE, 0, 0);
    MessageFilter filter = new MessageFilter(query.room(), query.account(), term);
    List<Event> found = storage.events().findMessages(filter, (int) offset, PER_PAGE);
    long total = storage.events().countMessages(filter);
    List<HackedMessage> hacked = List.of();
    long totalHacked = 0;
    if (term.isEmpty()) {
      hacked = storage.hackedMessages().list(query.room(), query.account(), (int) offset, PER_PAGE);
      totalHacked = storage.hackedMessages().count(query.room(), query.account());
    }
    return new Page(found, hacked, query.page(), PER_PAGE, Math.max(0, total - offset - found.size()),
        Math.max(0, totalHacked - offset - hacked.size()));
  }

  private Page one(String id, int page) {
    dev.chatcore.domain.id.HexIds.normalize(id, "messageId");
    Optional<Event> event = eventId(id).flatMap(storage.events()::find).filter(Event::isMessage);
    Optional<HackedMessage> hacked = event.isPresent() ? Optional.empty() : storage.hackedMessages().find(id);
    boolean first = page == 0;
    return new Page(first ? event.stream().toList() : List.of(), first ? hacked.stream().toList() : List.of(), page,
        PER_PAGE, 0, 0);
  }

  /**
   * Deletes a message: publishes {@code m.redaction} in its room, then removes it from the log.
   *
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when no message has this id
   */
  public void delete(Caller caller, String id) {
    caller.requireAdmin();
    dev.chatcore.domain.id.HexIds.normalize(id, "id");
    Event message = eventId(id).flatMap(storage.events()::find).filter(Event::isMessage)
        .orElseThrow(() -> new NotFoundException("message not found"));
    publisher.publish(new NewEvent(message.room(), caller.id(), clock.instant(),
        new EventContent.Redaction(message.id())));
    storage.events().deleteMessage(message.id());
  }

  /** The event id a 24-hex id names; empty for ids that are no stream position (hacked messages). */
  private static Optional<EventId> eventId(String id) {
    try {
      return Optional.of(EventId.parse(id, "id"));
    } catch (InvalidInputException notAPosition) {
      return Optional.empty();
    }
  }
}
