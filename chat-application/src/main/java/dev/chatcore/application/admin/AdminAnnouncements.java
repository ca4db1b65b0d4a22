package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.AnnouncementRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Admins list the active announcements, edit one and end one. Announcements are not events of a
 * room, so {@link EditMessage} and {@link AdminMessages#delete} do not reach them; the admin API
 * tries this first with the same id, so one edit and one delete serve both. Only an active
 * announcement can be changed: an ended one is as gone for players as a deleted message.
 */
public final class AdminAnnouncements {
  private final AnnouncementRepository announcements;
  private final MessagePolicy policy;
  private final Clock clock;

  @Inject
  public AdminAnnouncements(AnnouncementRepository announcements, MessagePolicy policy, Clock clock) {
    this.announcements = announcements;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The announcements players get now, oldest first.
   *
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   */
  public List<Announcement> active(Caller caller) {
    caller.requireAdmin();
    return announcements.active(clock.instant());
  }

  /**
   * Edits the active announcement with the command's id (absent parts keep their value); players
   * get the new text in their next response.
   *
   * @return the announcement after the edit; empty when no active announcement has this id
   * @throws InvalidInputException for text or context that break the message rules, an
   *     expiration not in the future, or an edit that changes nothing
   */
  public Optional<Announcement> edit(EditMessage.Command command) {
    command.caller().requireAdmin();
    Instant now = clock.instant();
    Optional<Announcement> found = activeOne(command.id(), now);
    if (found.isEmpty()) return Optional.empty();
    Announcement old = found.get();
    EventContent.Message content = policy.message(command.text().orElse(old.text()),
        command.context().isPresent() ? command.context() : old.context(), "message.text", "message.context");
    if (command.expiration().filter(e -> !e.isAfter(now)).isPresent()) {
      throw new InvalidInputException("message.expiration", "must be in the future");
    }
    Announcement edited = new Announcement(old.id(), old.author(), content.text(), content.context(), old.createdAt(),
        command.expiration().orElse(old.expiresAt()));
    if (edited.equals(old)) throw new InvalidInputException("message", "the edit changes nothing");
    announcements.save(edited);
    return Optional.of(edited);
  }

  /**
   * Ends the active announcement with this id now (the janitor purges it later).
   *
   * @return false when no active announcement has this id
   */
  public boolean end(Caller caller, String id) {
    caller.requireAdmin();
    Instant now = clock.instant();
    Optional<Announcement> found = activeOne(id, now);
    found.ifPresent(a -> announcements.save(new Announcement(a.id(), a.author(), a.text(), a.context(), a.createdAt(), now)));
    return found.isPresent();
  }

  private Optional<Announcement> activeOne(String id, Instant now) {
    return announcements.find(id.strip()).filter(a -> a.isActive(now));
  }
}
