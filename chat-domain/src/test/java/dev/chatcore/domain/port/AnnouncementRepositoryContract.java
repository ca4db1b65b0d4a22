package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AnnouncementRepository} must have. */
public abstract class AnnouncementRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract AnnouncementRepository newAnnouncementRepository();

  private static Announcement at(String id, Instant created, Duration life) {
    return new Announcement(
        id, TestIds.account(), "hello " + id, Optional.empty(), created, created.plus(life));
  }

  @Test
  void emptyStoreHasNoActiveAnnouncements() {
    assertEquals(List.of(), newAnnouncementRepository().active(T0));
  }

  @Test
  void activeAnnouncementsOldestFirstWithoutExpiredOnes() {
    AnnouncementRepository store = newAnnouncementRepository();
    Announcement later = at("000000000000000000000002", T0.plusSeconds(10), Duration.ofHours(1));
    Announcement earlier = at("000000000000000000000001", T0, Duration.ofHours(1));
    Announcement expired = at("000000000000000000000003", T0, Duration.ofSeconds(30));
    store.save(later);
    store.save(earlier);
    store.save(expired);
    assertEquals(List.of(earlier, later), store.active(T0.plusSeconds(30)));
    assertEquals(List.of(earlier, expired, later), store.active(T0.plusSeconds(29)));
  }

  @Test
  void saveReplacesById() {
    AnnouncementRepository store = newAnnouncementRepository();
    Announcement a = at("000000000000000000000001", T0, Duration.ofHours(1));
    store.save(a);
    Announcement expiredNow =
        new Announcement(a.id(), a.author(), a.text(), a.context(), a.createdAt(), T0);
    store.save(expiredNow);
    assertEquals(List.of(), store.active(T0));
  }

  @Test
  void anEditReplacesTextContextAndExpiryAndKeepsWhoEditedWhen() {
    AnnouncementRepository store = newAnnouncementRepository();
    Announcement a = at("000000000000000000000001", T0, Duration.ofHours(1));
    store.save(a);
    Announcement edited =
        a.edited(
            "fixed typo",
            Optional.of(new JsonObjectText("{\"k\":1}")),
            T0.plus(Duration.ofHours(2)),
            T0.plusSeconds(5),
            TestIds.account());
    store.save(edited);
    assertEquals(Optional.of(edited), store.find(a.id()));
    assertEquals(List.of(edited), store.active(T0.plus(Duration.ofMinutes(90))));
  }

  @Test
  void findReturnsExpiredOnesUntilPurged() {
    AnnouncementRepository store = newAnnouncementRepository();
    Announcement a = at("000000000000000000000001", T0, Duration.ofSeconds(10));
    store.save(a);
    assertEquals(Optional.of(a), store.find(a.id()));
    assertEquals(Optional.empty(), store.find("000000000000000000000009"));
  }

  @Test
  void purgeExpiredDeletesOnlyExpiredOnesInBatches() {
    AnnouncementRepository store = newAnnouncementRepository();
    Announcement e1 = at("000000000000000000000001", T0, Duration.ofSeconds(10));
    Announcement e2 = at("000000000000000000000002", T0, Duration.ofSeconds(20));
    Announcement live = at("000000000000000000000003", T0, Duration.ofHours(1));
    store.save(e1);
    store.save(e2);
    store.save(live);
    Instant now = T0.plusSeconds(20);
    assertEquals(1, store.purgeExpired(now, 1));
    assertEquals(1, store.purgeExpired(now, 10));
    assertEquals(0, store.purgeExpired(now, 10));
    assertEquals(Optional.empty(), store.find(e1.id()));
    assertEquals(Optional.empty(), store.find(e2.id()));
    assertEquals(Optional.of(live), store.find(live.id()));
  }
}
