package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.AnnouncementRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Announcements in the {@code announcements} collection: {@code {_id: id, author, text, context?:
 * <JSON text>, createdAt: Date, expiresAt: Date, updatedAt?: Date, editedBy?}}. The active ones are
 * one indexed query ({@code expiresAt}), sorted by creation: there are few, so the read is cheap.
 * Times are kept to the millisecond. Thread-safe.
 */
public final class MongoAnnouncementRepository implements AnnouncementRepository {
  private final MongoCollection<Document> announcements;

  public MongoAnnouncementRepository(MongoDatabase db) {
    this.announcements = MongoErrors.majority(db, MongoIndexes.ANNOUNCEMENTS);
  }

  @Override
  public void save(Announcement a) {
    Document d =
        new Document("_id", a.id())
            .append("author", a.author().value())
            .append("text", a.text())
            .append("createdAt", Date.from(a.createdAt()))
            .append("expiresAt", Date.from(a.expiresAt()));
    a.context().ifPresent(c -> d.append("context", c.json()));
    a.updatedAt().ifPresent(u -> d.append("updatedAt", Date.from(u)));
    a.editedBy().ifPresent(e -> d.append("editedBy", e.value()));
    MongoErrors.run(
        "save announcement",
        () -> announcements.replaceOne(eq("_id", a.id()), d, new ReplaceOptions().upsert(true)));
  }

  @Override
  public List<Announcement> active(Instant now) {
    return MongoErrors.call(
        "read announcements",
        () -> {
          List<Announcement> out = new ArrayList<>();
          for (Document d :
              announcements
                  .find(gt("expiresAt", Date.from(now)))
                  .sort(Sorts.ascending("createdAt", "_id"))) {
            out.add(fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public Optional<Announcement> find(String id) {
    return MongoErrors.call(
        "find announcement",
        () ->
            Optional.ofNullable(announcements.find(eq("_id", id)).first())
                .map(MongoAnnouncementRepository::fromDocument));
  }

  /**
   * Reads a batch of expired ids through the {@code expiresAt} index, then deletes each one only if
   * it is still expired: an announcement saved again meanwhile with a later expiry stays.
   */
  @Override
  public int purgeExpired(Instant now, int limit) {
    if (limit <= 0) return 0;
    Date at = Date.from(now);
    return MongoErrors.call(
        "purge announcements",
        () -> {
          int purged = 0;
          for (Document d :
              announcements
                  .find(lte("expiresAt", at))
                  .projection(new Document("_id", 1))
                  .limit(limit)
                  .into(new ArrayList<>())) {
            purged +=
                (int)
                    announcements
                        .deleteOne(and(eq("_id", d.getString("_id")), lte("expiresAt", at)))
                        .getDeletedCount();
          }
          return purged;
        });
  }

  private static Announcement fromDocument(Document d) {
    return new Announcement(
        d.getString("_id"),
        new AccountId(d.getString("author")),
        d.getString("text"),
        Optional.ofNullable(d.getString("context")).map(JsonObjectText::new),
        d.getDate("createdAt").toInstant(),
        d.getDate("expiresAt").toInstant(),
        Optional.ofNullable(d.getDate("updatedAt")).map(Date::toInstant),
        Optional.ofNullable(d.getString("editedBy")).map(AccountId::new));
  }
}
