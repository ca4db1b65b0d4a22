package dev.chatcore.application.message;

import dev.chatcore.application.Caller;
import dev.chatcore.application.moderation.SpamGuard;
import dev.chatcore.application.report.ReportFlaggedMessage;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.ContentRejectedException;
import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.ContentFilter;
import dev.chatcore.domain.moderation.FilterVerdict;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a message is checked and stored, shared by every path a message is posted
 * through ({@link SendMessage} for {@code /v1} and the embedding API, {@code PostChatMessage} and
 * {@code SendDirectMessage} for {@code /chat}, {@code SendEncryptedMessage} for {@code
 * m.encrypted}): a player's message goes through the spam check ({@link SpamGuard}), then the
 * {@link ContentFilter}, then into the stream ({@link EventPublisher}), expiring by its room's
 * type. A message the filter flagged gets an automatic report once stored. The filter cannot read
 * ciphertext, so an end-to-end encrypted message skips it (the spam check compares its ciphertext).
 * Admin messages skip both checks: admins are never auto-banned, and the studio's own words are not
 * the filter's business.
 */
public final class MessagePosting {
  private static final Logger LOG = Logger.getLogger(MessagePosting.class.getName());

  /**
   * A message that passed the checks.
   *
   * @param content what to store: the content as sent, or the text as the filter masked it
   * @param flag the filter's reason when it flagged the message
   */
  public record Screened<C extends EventContent>(C content, Optional<String> flag) {
    public Screened {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(flag, "flag");
    }
  }

  private final EventPublisher publisher;
  private final SpamGuard spam;
  private final ContentFilter filter;
  private final ReportFlaggedMessage flagged;
  private final Retention retention;
  private final Clock clock;

  @Inject
  public MessagePosting(
      EventPublisher publisher,
      SpamGuard spam,
      ContentFilter filter,
      ReportFlaggedMessage flagged,
      Retention retention,
      Clock clock) {
    this.publisher = publisher;
    this.spam = spam;
    this.filter = filter;
    this.flagged = flagged;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * Checks a message that is about to be stored: spam, then the content filter. A caller that
   * stores the message elsewhere (Chat V2's "hacked" messages) calls this alone.
   *
   * @param txnId a transaction id: a retry of a message already counted is not counted again
   * @throws dev.chatcore.domain.error.BannedException when the message is spam (the sender is
   *     banned automatically; nothing may be stored)
   * @throws ContentRejectedException when the filter rejects it (nothing may be stored)
   */
  public Screened<EventContent.Message> screen(
      Caller caller, RoomId room, EventContent.Message message, Optional<String> txnId) {
    if (caller.admin()) return new Screened<>(message, Optional.empty());
    spam.check(caller.id(), room, message, txnId);
    FilterVerdict verdict =
        Objects.requireNonNull(
            filter.check(caller.id(), room, message.text()),
            "the content filter returned no verdict");
    return switch (verdict) {
      case FilterVerdict.Reject reject -> throw new ContentRejectedException(reject.reason());
      case FilterVerdict.Flag flag ->
          new Screened<>(withText(message, flag.text()), Optional.of(flag.reason()));
      case FilterVerdict.Mask mask ->
          new Screened<>(withText(message, mask.text()), Optional.empty());
      case FilterVerdict.Allow allow -> new Screened<>(message, Optional.empty());
    };
  }

  /**
   * Checks the message ({@link #screen}), appends it to {@code room} and wakes the syncs watching
   * the room; it expires by {@code type}. A retry with a known transaction id returns the first
   * event and stores (and reports) nothing.
   *
   * @return the stored event
   */
  public Event publish(
      Caller caller,
      RoomId room,
      RoomType type,
      EventContent.Message message,
      Optional<String> txnId) {
    return store(caller, room, type, screen(caller, room, message, txnId), txnId);
  }

  /**
   * As {@link #publish(Caller, RoomId, RoomType, EventContent.Message, Optional)} for an end-to-end
   * encrypted message: the spam check compares its ciphertext; the content filter is skipped, since
   * the server cannot read what the message says.
   *
   * @throws dev.chatcore.domain.error.BannedException when the message is a replay flood
   */
  public Event publish(
      Caller caller,
      RoomId room,
      RoomType type,
      EventContent.Encrypted message,
      Optional<String> txnId) {
    if (!caller.admin()) spam.check(caller.id(), room, message, txnId);
    return store(caller, room, type, new Screened<>(message, Optional.empty()), txnId);
  }

  /**
   * When a message posted now into a room of {@code type} would expire: a message stored apart
   * (Chat V2's "hacked" messages) answers with it, so that its answer looks like a posted one.
   */
  public Instant expiry(RoomType type, Instant postedAt) {
    return retention.messageExpiry(type, postedAt);
  }

  private Event store(
      Caller caller, RoomId room, RoomType type, Screened<?> screened, Optional<String> txnId) {
    Instant now = clock.instant();
    Appended appended =
        publisher.publish(
            new NewEvent(
                room, caller.id(), now, screened.content(), txnId, Optional.of(expiry(type, now))));
    if (appended.created() && screened.flag().isPresent())
      report(appended.event(), screened.flag().get());
    return appended.event();
  }

  /**
   * The message is stored and delivered by now, so failing the post would only make the player send
   * it again: a report that cannot be filed is logged instead.
   */
  private void report(Event stored, String reason) {
    try {
      flagged.report(stored, reason);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "could not file the automatic report of flagged message " + stored.id(),
          e);
    }
  }

  private static EventContent.Message withText(EventContent.Message message, String text) {
    return text.equals(message.text())
        ? message
        : new EventContent.Message(text, message.context());
  }
}
