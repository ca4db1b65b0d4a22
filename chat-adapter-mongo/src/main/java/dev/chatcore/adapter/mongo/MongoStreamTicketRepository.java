package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.StreamTicketRepository;
import dev.chatcore.domain.stream.StreamTicket;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Stream tickets in the {@code stream_tickets} collection: {@code {_id: digest, account, name,
 * admin, device?, expiresAt: Date}}. Taking one is a single conditional {@code findOneAndDelete},
 * so a ticket opens one stream on one node however many nodes race for it; a TTL index removes
 * tickets nobody used. Thread-safe.
 */
public final class MongoStreamTicketRepository implements StreamTicketRepository {
  private final MongoCollection<Document> tickets;

  public MongoStreamTicketRepository(MongoDatabase db) {
    this.tickets = MongoErrors.majority(db, MongoIndexes.STREAM_TICKETS);
  }

  @Override
  public void save(StreamTicket ticket) {
    Document d =
        new Document("_id", ticket.digest())
            .append("account", ticket.account().value())
            .append("name", ticket.displayName())
            .append("admin", ticket.admin())
            .append("expiresAt", Date.from(ticket.expiresAt()));
    ticket.device().ifPresent(device -> d.append("device", device.value()));
    MongoErrors.run("save stream ticket", () -> tickets.insertOne(d));
  }

  @Override
  public Optional<StreamTicket> take(String digest, Instant now) {
    return MongoErrors.call(
            "take stream ticket",
            () ->
                Optional.ofNullable(
                    tickets.findOneAndDelete(
                        and(eq("_id", digest), gt("expiresAt", Date.from(now))))))
        .map(
            d ->
                new StreamTicket(
                    d.getString("_id"),
                    new AccountId(d.getString("account")),
                    d.getString("name"),
                    d.getBoolean("admin", false),
                    Optional.ofNullable(d.getString("device")).map(DeviceId::new),
                    d.getDate("expiresAt").toInstant()));
  }

  @Override
  public long purgeExpired(Instant now) {
    return MongoErrors.call(
        "purge stream tickets",
        () -> tickets.deleteMany(lte("expiresAt", Date.from(now))).getDeletedCount());
  }
}
