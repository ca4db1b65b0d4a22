package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.chat.FiledReport;
import dev.chatcore.domain.chat.PlaintextClaim;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReportRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reports in the {@code reports} collection, one document per reported message ({@code _id} = its
 * position): {@code {_id, id, version, room, firstReporter, reporterIds: [...], reportedCount, log:
 * [{id, author, text, context?, createdAt}], status, rank, adminNote?, createdAt, reviewedBy?}}
 * ({@code rank} is the status' numeric value, New 100 first, so the admin order is one index:
 * {@code (rank, reportedCount, createdAt, _id)} descending). Filing is optimistic: the first report
 * is an insert (a duplicate key means another node filed first), a repeat merges in the adapter and
 * replaces only if {@code version} is still the one read, else reads and merges again. No report is
 * lost and the count is exact. A unique index on {@code id} serves {@link #find(String)}. A review
 * is one update that also bumps {@code version}, so a concurrent merge reads again and keeps the
 * review. Thread-safe.
 */
public final class MongoReportRepository implements ReportRepository {
  private static final int ATTEMPTS = 1000;

  private final MongoCollection<Document> reports;

  public MongoReportRepository(MongoDatabase db) {
    this.reports = MongoErrors.majority(db, MongoIndexes.REPORTS);
    MongoErrors.run("prepare reports", this::backfillRank);
  }

  /**
   * Reports filed before the admin listing have no {@code rank} and would sort last: give them
   * theirs. Idempotent, and cheap once done: {@code {rank: null}} (missing) is one look-up in the
   * {@code admin_order} index, whose first key is {@code rank}.
   */
  private void backfillRank() {
    if (reports.find(eq("rank", null)).projection(new Document("_id", 1)).first() == null) return;
    for (ReportStatus status : ReportStatus.values()) {
      reports.updateMany(
          and(eq("rank", null), eq("status", status.name())), Updates.set("rank", status.value()));
    }
  }

  @Override
  public FiledReport file(Report incoming) {
    long message = incoming.message().position();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Document stored =
          MongoErrors.call("find report", () -> reports.find(eq("_id", message)).first());
      if (stored == null) {
        try {
          Document first = toDocument(incoming, 0);
          MongoErrors.run("file report", () -> reports.insertOne(first));
          return new FiledReport(fromDocument(first), 0); // as stored (times to the millisecond)
        } catch (ConflictException filedMeanwhile) {
          continue;
        }
      }
      long version = stored.get("version", Number.class).longValue();
      Report before = fromDocument(stored);
      Document merged = toDocument(before.mergedWith(incoming), version + 1);
      boolean replaced =
          MongoErrors.call(
              "merge report",
              () ->
                  reports
                          .replaceOne(and(eq("_id", message), eq("version", version)), merged)
                          .getModifiedCount()
                      == 1);
      if (replaced) return new FiledReport(fromDocument(merged), before.reporterIds().size());
    }
    throw new UnavailableException("could not file the report (too much contention)", null);
  }

  @Override
  public Optional<Report> findByMessage(EventId message) {
    return MongoErrors.call(
        "find report",
        () ->
            Optional.ofNullable(reports.find(eq("_id", message.position())).first())
                .map(MongoReportRepository::fromDocument));
  }

  @Override
  public Optional<Report> find(String id) {
    return MongoErrors.call(
        "find report",
        () ->
            Optional.ofNullable(reports.find(eq("id", id)).first())
                .map(MongoReportRepository::fromDocument));
  }

  /**
   * The account filter is an {@code $or} of three multikey indexes (reporter, co-reporters,
   * authors).
   */
  @Override
  public List<Report> list(Optional<AccountId> account, int offset, int limit) {
    return MongoErrors.call(
        "list reports",
        () -> {
          List<Report> out = new ArrayList<>();
          for (Document d :
              reports
                  .find(involving(account))
                  .sort(
                      Sorts.orderBy(
                          Sorts.descending("rank", "reportedCount", "createdAt"),
                          Sorts.ascending("id")))
                  .skip(offset)
                  .limit(limit)) {
            out.add(fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public long count(Optional<AccountId> account) {
    return MongoErrors.call("count reports", () -> reports.countDocuments(involving(account)));
  }

  private static Bson involving(Optional<AccountId> account) {
    return account
        .map(
            a ->
                or(
                    eq("firstReporter", a.value()),
                    eq("reporterIds", a.value()),
                    eq("log.author", a.value())))
        .orElseGet(() -> empty());
  }

  @Override
  public Optional<Report> review(
      String id, ReportStatus status, Optional<String> note, AccountId reviewer) {
    Bson changes =
        Updates.combine(
            Updates.set("status", status.name()),
            Updates.set("rank", status.value()),
            note.map(n -> Updates.set("adminNote", n)).orElseGet(() -> Updates.unset("adminNote")),
            Updates.set("reviewedBy", reviewer.value()),
            Updates.inc("version", 1L));
    // the document before the update with this review applied: exact, whatever a concurrent
    // review or merge did afterwards (the one after the update is not, on the embedded server)
    return MongoErrors.call(
        "review report",
        () ->
            Optional.ofNullable(
                    reports.findOneAndUpdate(
                        eq("id", id),
                        changes,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
                .map(before -> fromDocument(before).reviewed(status, note, reviewer)));
  }

  /**
   * Reads a batch through the {@code status_created} index, then deletes each report only at the
   * version read: one reviewed or merged meanwhile is kept (the next run sees it again).
   */
  @Override
  public int purge(ReportStatus status, Instant cutoff, int limit) {
    if (limit <= 0) return 0;
    return MongoErrors.call(
        "purge reports",
        () -> {
          int purged = 0;
          for (Document d :
              reports
                  .find(and(eq("status", status.name()), lt("createdAt", Date.from(cutoff))))
                  .projection(new Document("_id", 1).append("version", 1))
                  .limit(limit)
                  .into(new ArrayList<>())) {
            purged +=
                (int)
                    reports
                        .deleteOne(and(eq("_id", d.get("_id")), eq("version", d.get("version"))))
                        .getDeletedCount();
          }
          return purged;
        });
  }

  private static Document toDocument(Report r, long version) {
    List<Document> log = new ArrayList<>(r.log().size());
    for (ReportedMessage m : r.log()) {
      Document d =
          new Document("id", m.id().position())
              .append("author", m.author().value())
              .append("text", m.text())
              .append("createdAt", Date.from(m.createdAt()));
      m.context().ifPresent(c -> d.append("context", c.json()));
      if (m.encrypted()) d.append("encrypted", true);
      log.add(d);
    }
    List<Document> claims = new ArrayList<>(r.claims().size());
    for (PlaintextClaim c : r.claims()) {
      claims.add(
          new Document("reporter", c.reporter().value())
              .append("text", c.text())
              .append("at", Date.from(c.at())));
    }
    Document d =
        new Document("_id", r.message().position())
            .append("id", r.id())
            .append("version", version)
            .append("room", r.room().value())
            .append("firstReporter", r.firstReporter().value())
            .append("reporterIds", r.reporterIds().stream().map(AccountId::value).toList())
            .append("reportedCount", r.reportedCount())
            .append("log", log)
            .append("status", r.status().name())
            .append("rank", r.status().value())
            .append("createdAt", Date.from(r.createdAt()));
    r.adminNote().ifPresent(n -> d.append("adminNote", n));
    r.reviewedBy().ifPresent(a -> d.append("reviewedBy", a.value()));
    if (!claims.isEmpty()) d.append("claims", claims);
    return d;
  }

  private static Report fromDocument(Document d) {
    List<ReportedMessage> log = new ArrayList<>();
    for (Document m : d.getList("log", Document.class)) {
      log.add(
          new ReportedMessage(
              new EventId(m.getLong("id")),
              new AccountId(m.getString("author")),
              m.getString("text"),
              Optional.ofNullable(m.getString("context")).map(JsonObjectText::new),
              m.getDate("createdAt").toInstant(),
              m.getBoolean("encrypted", false)));
    }
    List<PlaintextClaim> claims = new ArrayList<>();
    for (Document c : d.getList("claims", Document.class, List.of())) {
      claims.add(
          new PlaintextClaim(
              new AccountId(c.getString("reporter")),
              c.getString("text"),
              c.getDate("at").toInstant()));
    }
    return new Report(
        d.getString("id"),
        new EventId(d.getLong("_id")),
        new RoomId(d.getString("room")),
        new AccountId(d.getString("firstReporter")),
        d.getList("reporterIds", String.class).stream().map(AccountId::new).toList(),
        d.get("reportedCount", Number.class).longValue(),
        log,
        ReportStatus.valueOf(d.getString("status")),
        Optional.ofNullable(d.getString("adminNote")),
        d.getDate("createdAt").toInstant(),
        Optional.ofNullable(d.getString("reviewedBy")).map(AccountId::new),
        claims);
  }
}
