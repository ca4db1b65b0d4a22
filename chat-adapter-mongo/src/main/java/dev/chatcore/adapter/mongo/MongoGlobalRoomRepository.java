package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.GlobalRoomRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The seat directory on MongoDB, without locks and correct across nodes.
 *
 * <ul>
 *   <li>{@code global_seats}: one document per seated account, {@code {_id: account, room}}. The
 *       {@code _id} makes a second seat of one account impossible: a seat insert that clashes means
 *       the account sits somewhere already.
 *   <li>{@code global_rooms}: {@code {_id: room, number, createdAt: Date, members}}. A unique index
 *       on {@code number}. {@code members} changes only by conditional updates: a place is taken
 *       with {@code members < capacity} and {@code $inc 1} (one atomic update of one document), and
 *       given back ({@code $inc -1}) when the seat insert that follows loses.
 * </ul>
 *
 * <p>A new room takes the number after the highest one; the unique index decides between two nodes
 * that chose the same number, and the loser looks for space again (the winner's room may have it),
 * so concurrent placements open a room only when the existing ones are full. The new room's seat is
 * written before the room: a seat may point for a moment at a room not yet there ({@link #roomOf}
 * then answers empty, {@link #place} waits for it, and removes the seat as an orphan when the room
 * has not appeared after {@link #ORPHAN_AFTER}), but a room never exists without the seat that made
 * it.
 *
 * <p>The counter equals the number of seats of the room except while an operation runs, or when a
 * node died inside one (then it may stay one off until fixed by hand: compare with {@code
 * global_seats}). Thread-safe.
 */
public final class MongoGlobalRoomRepository implements GlobalRoomRepository {
  /** How long a seat may point at a room that does not exist before it counts as an orphan. */
  static final Duration ORPHAN_AFTER = Duration.ofSeconds(5);

  private static final int ATTEMPTS = 200;
  private static final int CANDIDATES = 8;

  private final MongoCollection<Document> seats;
  private final MongoCollection<Document> rooms;
  private final Duration orphanAfter;

  public MongoGlobalRoomRepository(MongoDatabase db) {
    this(db, ORPHAN_AFTER);
  }

  /**
   * @param orphanAfter how long a seat may point at a missing room (tests shorten it)
   */
  MongoGlobalRoomRepository(MongoDatabase db, Duration orphanAfter) {
    this.orphanAfter = orphanAfter;
    this.seats = MongoErrors.majority(db, MongoIndexes.GLOBAL_SEATS);
    this.rooms = MongoErrors.majority(db, MongoIndexes.GLOBAL_ROOMS);
  }

  @Override
  public Optional<GlobalRoom> roomOf(AccountId account) {
    return seatOf(account).flatMap(this::find);
  }

  @Override
  public Optional<GlobalRoom> find(RoomId room) {
    return MongoErrors.call(
        "find global room",
        () ->
            Optional.ofNullable(rooms.find(eq("_id", room.value())).first())
                .map(MongoGlobalRoomRepository::fromDocument));
  }

  @Override
  public List<AccountId> members(RoomId room) {
    return MongoErrors.call(
        "list global room members",
        () -> {
          List<AccountId> out = new ArrayList<>();
          for (Document d :
              seats
                  .find(eq("room", room.value()))
                  .projection(Projections.include("_id"))
                  .sort(Sorts.ascending("_id"))) {
            out.add(new AccountId(d.getString("_id")));
          }
          return out;
        });
  }

  @Override
  public Seat place(
      AccountId account, int capacity, Set<RoomId> excluded, RoomId newRoom, Instant now) {
    List<String> skipped = excluded.stream().map(RoomId::value).toList();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Seat> existing = existingSeat(account);
      if (existing.isPresent()) return existing.get();
      // the highest number before the search: a room opened after it makes our new number clash
      int highest = highestNumber();
      List<Document> open = candidates(capacity, skipped);
      if (!open.isEmpty()) {
        for (Document candidate : open) {
          RoomId room = new RoomId(candidate.getString("_id"));
          if (!reserve(room, capacity)) continue; // filled meanwhile: the next one
          if (insertSeat(account, room))
            return new Seat(find(room).orElseThrow(), Optional.empty(), true, false);
          release(room); // the account was seated meanwhile
          break;
        }
        continue; // every candidate filled meanwhile (or the account got a seat): look again
      }
      if (!insertSeat(account, newRoom)) continue;
      Document created =
          new Document("_id", newRoom.value())
              .append("number", highest + 1)
              .append("createdAt", Date.from(now))
              .append("members", 1);
      try {
        MongoErrors.run("create global room", () -> rooms.insertOne(created));
        return new Seat(fromDocument(created), Optional.empty(), true, true);
      } catch (ConflictException numberTaken) {
        // another node opened room highest + 1: give the seat back and look for space again
        MongoErrors.run(
            "release seat",
            () -> seats.deleteOne(and(eq("_id", account.value()), eq("room", newRoom.value()))));
      }
    }
    throw new UnavailableException(
        "could not place the account in a global room (too much contention)", null);
  }

  /**
   * The account's current seat with its room. A seat whose room does not exist is the seat of a
   * room being created: its room follows within milliseconds, or the creator removes the seat. When
   * neither happens for {@link #ORPHAN_AFTER} (the creating node died in between) the seat is an
   * orphan and is removed, so the account can be placed again.
   */
  private Optional<Seat> existingSeat(AccountId account) {
    long deadline = System.nanoTime() + orphanAfter.toNanos();
    while (true) {
      Optional<RoomId> seat = seatOf(account);
      if (seat.isEmpty()) return Optional.empty();
      Optional<GlobalRoom> room = find(seat.get());
      if (room.isPresent())
        return Optional.of(new Seat(room.get(), Optional.empty(), false, false));
      if (System.nanoTime() > deadline) {
        MongoErrors.run(
            "remove orphan seat",
            () -> seats.deleteOne(and(eq("_id", account.value()), eq("room", seat.get().value()))));
        return Optional.empty();
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException("interrupted while waiting for a global room", e);
      }
    }
  }

  private List<Document> candidates(int capacity, List<String> skipped) {
    return MongoErrors.call(
        "find open global rooms",
        () -> {
          List<Document> out = new ArrayList<>();
          Bson filter =
              skipped.isEmpty()
                  ? lt("members", capacity)
                  : and(lt("members", capacity), nin("_id", skipped));
          rooms
              .find(filter)
              .sort(Sorts.orderBy(Sorts.descending("members"), Sorts.ascending("number")))
              .limit(CANDIDATES)
              .into(out);
          return out;
        });
  }

  private int highestNumber() {
    return MongoErrors.call(
        "read highest global room number",
        () -> {
          Document d =
              rooms
                  .find()
                  .projection(Projections.include("number"))
                  .sort(Sorts.descending("number"))
                  .first();
          return d == null ? 0 : d.getInteger("number");
        });
  }

  /** One atomic conditional update: a place below capacity, or nothing. */
  private boolean reserve(RoomId room, int capacity) {
    return MongoErrors.call(
        "take a global room place",
        () ->
            rooms
                    .updateOne(
                        and(eq("_id", room.value()), lt("members", capacity)),
                        Updates.inc("members", 1))
                    .getModifiedCount()
                == 1);
  }

  private void release(RoomId room) {
    MongoErrors.run(
        "give a global room place back",
        () -> rooms.updateOne(eq("_id", room.value()), Updates.inc("members", -1)));
  }

  /** False when the account has a seat already (the unique {@code _id}). */
  private boolean insertSeat(AccountId account, RoomId room) {
    try {
      MongoErrors.run(
          "seat account",
          () -> seats.insertOne(new Document("_id", account.value()).append("room", room.value())));
      return true;
    } catch (ConflictException seated) {
      return false;
    }
  }

  private Optional<RoomId> seatOf(AccountId account) {
    return MongoErrors.call(
        "find seat",
        () ->
            Optional.ofNullable(seats.find(eq("_id", account.value())).first())
                .map(d -> new RoomId(d.getString("room"))));
  }

  @Override
  public Seat move(AccountId account, RoomId target, int capacity) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (find(target).isEmpty()) throw new NotFoundException("global room not found");
      Optional<RoomId> current = seatOf(account);
      if (current.equals(Optional.of(target))) {
        return new Seat(find(target).orElseThrow(), Optional.empty(), false, false);
      }
      if (!reserve(target, capacity)) throw new ConflictException("room is full");
      boolean moved;
      if (current.isPresent()) {
        moved =
            MongoErrors.call(
                "move seat",
                () ->
                    seats
                            .updateOne(
                                and(eq("_id", account.value()), eq("room", current.get().value())),
                                Updates.set("room", target.value()))
                            .getModifiedCount()
                        == 1);
      } else {
        moved = insertSeat(account, target);
      }
      if (!moved) {
        release(target); // the seat changed meanwhile: start again from the new one
        continue;
      }
      Optional<GlobalRoom> left = Optional.empty();
      if (current.isPresent()) {
        release(current.get());
        left = find(current.get());
      }
      return new Seat(find(target).orElseThrow(), left, true, false);
    }
    throw new UnavailableException("could not move the account (too much contention)", null);
  }

  @Override
  public Optional<GlobalRoom> remove(AccountId account) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<RoomId> current = seatOf(account);
      if (current.isEmpty()) return Optional.empty();
      boolean removed =
          MongoErrors.call(
              "remove seat",
              () ->
                  seats
                          .deleteOne(
                              and(eq("_id", account.value()), eq("room", current.get().value())))
                          .getDeletedCount()
                      == 1);
      if (removed) {
        release(current.get());
        return find(current.get());
      }
    }
    throw new UnavailableException("could not remove the seat (too much contention)", null);
  }

  @Override
  public List<GlobalRoom> listOpen(int below, int offset, int limit) {
    return MongoErrors.call(
        "list open global rooms",
        () -> {
          List<GlobalRoom> out = new ArrayList<>();
          for (Document d :
              rooms
                  .find(lt("members", below))
                  .sort(Sorts.ascending("number"))
                  .skip(offset)
                  .limit(limit)) {
            out.add(fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public long countOpen(int below) {
    return MongoErrors.call(
        "count open global rooms", () -> rooms.countDocuments(lt("members", below)));
  }

  private static GlobalRoom fromDocument(Document d) {
    return new GlobalRoom(
        new RoomId(d.getString("_id")),
        d.getInteger("number"),
        d.getDate("createdAt").toInstant(),
        Math.max(0, d.get("members", Number.class).intValue()));
  }
}
