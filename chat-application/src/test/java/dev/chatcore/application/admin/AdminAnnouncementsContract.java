package dev.chatcore.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.Concurrently;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.JsonObjectText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Announcements (broadcasts to every player): while they are active, the cap of ten, admin edits.
 */
public abstract class AdminAnnouncementsContract extends AdminFixture {
  @Test
  void announcementsReachEveryPlayerWhileActive() {
    Caller alice = player("alice");
    Broadcast.Sent a = broadcast(announcement("maintenance at noon")).getFirst();
    assertTrue(a.room().isEmpty());
    List<Announcement> shown = updates(alice).announcements();
    assertEquals(List.of("maintenance at noon"), shown.stream().map(Announcement::text).toList());
    clock.advance(Duration.ofDays(14));
    assertEquals(List.of(), updates(alice).announcements());
  }

  @Test
  void anEleventhAnnouncementExpiresTheOldest() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      ids.add(broadcast(announcement("a" + i)).getFirst().id());
      clock.advance(Duration.ofSeconds(1));
    }
    List<Announcement> active = storage.announcements().active(clock.instant());
    assertEquals(ids.subList(1, 11), active.stream().map(Announcement::id).toList());
    assertFalse(storage.announcements().find(ids.get(0)).orElseThrow().isActive(clock.instant()));
  }

  @Test
  void concurrentAnnouncementsLeaveExactlyTenActive() throws Exception {
    int threads = 8;
    int each = 6;
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      tasks.add(
          () -> {
            for (int i = 0; i < each; i++) broadcast(announcement("t" + n + "-" + i));
            return null;
          });
    }
    assertTrue(Concurrently.run(threads, tasks).stream().allMatch(Concurrently.Outcome::ok));
    assertEquals(
        Broadcast.ANNOUNCEMENTS_MAX, storage.announcements().active(clock.instant()).size());
  }

  @Test
  void anAnnouncementIsEditedLikeAMessageAndStaysAnAnnouncement() {
    Caller alice = player("alice");
    Broadcast.Sent sent = broadcast(announcement("maintenence at noon")).getFirst();
    clock.advance(Duration.ofMinutes(1));
    Instant later = clock.instant().plus(Duration.ofDays(3));
    var context = Optional.of(new JsonObjectText("{\"level\":2}"));
    EditMessage.Edited edited =
        core.editMessage()
            .edit(
                new EditMessage.Command(
                    admin,
                    sent.id(),
                    Optional.of("maintenance at noon"),
                    context,
                    Optional.of(later)));
    Announcement fixed = ((EditMessage.Edited.Announced) edited).announcement();
    assertEquals(
        new Announcement(
            sent.id(),
            admin.id(),
            "maintenance at noon",
            context,
            sent.createdAt(),
            later,
            Optional.of(clock.instant()),
            Optional.of(admin.id())),
        fixed);
    List<Announcement> seen = updates(alice).announcements();
    assertEquals(
        List.of(fixed), seen, "players get the edited announcement, still an announcement");
    assertThrows(
        InvalidInputException.class,
        () ->
            core.editMessage()
                .edit(
                    new EditMessage.Command(
                        admin,
                        sent.id(),
                        Optional.of("maintenance at noon"),
                        Optional.empty(),
                        Optional.empty())),
        "nothing changes");
    assertThrows(
        InvalidInputException.class,
        () ->
            core.editMessage()
                .edit(
                    new EditMessage.Command(
                        admin,
                        sent.id(),
                        Optional.of(" "),
                        Optional.of(new JsonObjectText("{}")),
                        Optional.empty())));
    assertThrows(
        ForbiddenException.class,
        () ->
            core.editMessage()
                .edit(
                    new EditMessage.Command(
                        alice,
                        sent.id(),
                        Optional.of("mine now"),
                        Optional.empty(),
                        Optional.empty())));
  }
}
