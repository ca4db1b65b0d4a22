package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.AnnouncementRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Admins list the active announcements, edit one and end one. Announcements are not events of a
 * room, so {@link EditMessage} and {@link DeleteMessage} do not reach them; the admin API tries
 * this first with the same id, so one edit and one delete serve both. Only an active announcement
 * can be changed: an ended one is as gone for players as a deleted message.
 */
public final class AdminAnnouncements {
  private final AnnouncementRepository announcements;
  private final MessagePolicy policy;
  private final Clock clock;

  @Inject
  public AdminAnnouncements(
      AnnouncementRepository announcements, MessagePolicy policy, Clock clock) {
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
   * Ends the active announcement with this id now (the janitor purges it later).
   *
   * @return false when no active announcement has this id
   */
  public boolean end(Caller caller, String id) {
    caller.requireAdmin();
    Instant now = clock.instant();
    Optional<Announcement> found = activeOne(id, now);
    found.ifPresent(
        a ->
            announcements.save(
                new Announcement(
                    a.id(),
                    a.author(),
                    a.text(),
                    a.context(),
                    a.createdAt(),
                    now,
                    a.updatedAt(),
                    a.editedBy())));
    return found.isPresent();
  }

  private Optional<Announcement> activeOne(String id, Instant now) {
    return announcements.find(id.strip()).filter(a -> a.isActive(now));
  }
}
