package dev.chatcore.adapter.memory;

import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.BeforeVisible;
import dev.chatcore.domain.port.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The event stream in memory. Appends are serialized by one lock, which assigns positions, runs the
 * append's {@link BeforeVisible} hook and inserts into the indexes, and only then publishes the new
 * head (a volatile write). Readers take no lock: they read the head first and never look past it,
 * so they can never see position p before every position below p is in place.
 *
 * <p>Expiring events are also indexed apart; reads skip them once the clock passes their expiry and
 * {@link #purgeExpired} removes them from every index.
 */
public final class InMemoryEventLog implements EventLog {
  private final Object appendLock = new Object();

  /** Serializes edits with deletions, so a deleted message is never brought back by an edit. */
  private final Object changeLock = new Object();

  private long lastPosition; // guarded by appendLock
  private volatile long head;
  private final Map<Long, Event> byPosition = new ConcurrentHashMap<>();
  private final Map<RoomId, RoomStream> rooms = new ConcurrentHashMap<>();
  private final Map<TxnKey, Event> byTxn = new ConcurrentHashMap<>();
  private final Map<Long, Event> expiring = new ConcurrentHashMap<>();
  private final Clock clock;

  /** A log whose expiring events lapse by the system clock. */
  public InMemoryEventLog() {
    this(Clock.systemUTC());
  }

  /** A log whose expiring events lapse by {@code clock}. */
  public InMemoryEventLog(Clock clock) {
    this.clock = clock;
  }

  private record TxnKey(AccountId sender, String txnId) {}

  /** One room's events, all of them and the messages alone, keyed by position. */
  private static final class RoomStream {
    final ConcurrentSkipListMap<Long, Event> all = new ConcurrentSkipListMap<>();
    final ConcurrentSkipListMap<Long, Event> messages = new ConcurrentSkipListMap<>();
    final ConcurrentSkipListMap<TimeKey, Event> messagesByTime = new ConcurrentSkipListMap<>();

    /** Edited messages by their last edit time. */
    final ConcurrentSkipListMap<TimeKey, Event> editedByTime = new ConcurrentSkipListMap<>();

    /** Removes a message from every index of the room; false when another call removed it first. */
    boolean removeMessage(Event e) {
      long position = e.id().position();
      Event current = messages.remove(position);
      if (current == null) return false;
      all.remove(position);
      messagesByTime.remove(new TimeKey(current.originTs(), position));
      current.updatedAt().ifPresent(u -> editedByTime.remove(new TimeKey(u, position)));
      return true;
    }
  }

  /** Orders a room's messages by time, then position. */
  private record TimeKey(Instant ts, long position) implements Comparable<TimeKey> {
    @Override
    public int compareTo(TimeKey o) {
      int c = ts.compareTo(o.ts);
      return c != 0 ? c : Long.compare(position, o.position);
    }
  }

  @Override
  public Appended append(NewEvent event, BeforeVisible beforeVisible) {
    if (beforeVisible != BeforeVisible.NOTHING && event.txnId().isPresent()) {
      throw new IllegalArgumentException("an event stored with a hook carries no transaction id");
    }
    synchronized (appendLock) {
      Optional<TxnKey> key = event.txnId().map(t -> new TxnKey(event.sender(), t));
      if (key.isPresent()) {
        Event earlier = byTxn.get(key.get());
        if (earlier != null) return new Appended(earlier, false);
      }
      // under the lock, so no reader sees this position before the hook's work is stored
      beforeVisible.at(new EventId(lastPosition + 1));
      long position = ++lastPosition;
      Event stored = event.at(new EventId(position));
      byPosition.put(position, stored);
      RoomStream stream = rooms.computeIfAbsent(stored.room(), r -> new RoomStream());
      stream.all.put(position, stored);
      if (stored.isMessage()) {
        stream.messages.put(position, stored);
        stream.messagesByTime.put(new TimeKey(stored.originTs(), position), stored);
      }
      key.ifPresent(k -> byTxn.put(k, stored));
      if (stored.expiresAt().isPresent()) expiring.put(position, stored);
      head = position;
      return new Appended(stored, true);
    }
  }

  /** Nothing is stored at a mark: the hook's work is elsewhere, and the publisher wakes locally. */
  @Override
  public EventId mark(Set<RoomId> rooms, Set<AccountId> accounts, BeforeVisible beforeVisible) {
    synchronized (appendLock) {
      beforeVisible.at(new EventId(lastPosition + 1));
      long position = ++lastPosition;
      head = position;
      return new EventId(position);
    }
  }

  @Override
  public EventId head() {
    return new EventId(head);
  }

  @Override
  public Optional<EventId> roomHead(RoomId room) {
    RoomStream stream = rooms.get(room);
    if (stream == null) return Optional.empty();
    return Optional.ofNullable(stream.all.floorKey(head)).map(EventId::new);
  }

  @Override
  public StreamSlice readAfter(EventId after, EventId upTo, Set<RoomId> roomIds, int limit) {
    long snapshot = Math.min(head, upTo.position());
    long from = after.position();
    if (from >= snapshot) return new StreamSlice(List.of(), after, false);
    Instant now = clock.instant();
    int fetch = StreamSlice.fetchSize(limit);
    List<Event> found = new ArrayList<>();
    for (RoomId room : roomIds) {
      RoomStream stream = rooms.get(room);
      if (stream == null) continue;
      int taken = 0;
      for (Event e : stream.all.subMap(from, false, snapshot, true).values()) {
        if (e.isExpiredAt(now)) continue;
        if (taken++ == fetch)
          break; // the merged slice's first fetch events are among each room's first fetch
        found.add(e);
      }
    }
    found.sort(Comparator.comparing(Event::id));
    return StreamSlice.fromFetched(found, limit, new EventId(snapshot));
  }

  @Override
  public List<Event> readMessages(
      RoomId room, Optional<EventId> fromExclusive, Direction direction, int limit) {
    RoomStream stream = rooms.get(room);
    if (stream == null) return List.of();
    long snapshot = head;
    NavigableMap<Long, Event> visible = stream.messages.headMap(snapshot, true);
    // a `from` past the head is a position like any other: every visible message is before it
    Optional<Long> from = fromExclusive.map(EventId::position).filter(f -> f <= snapshot);
    boolean beyondHead = fromExclusive.isPresent() && from.isEmpty();
    NavigableMap<Long, Event> page =
        switch (direction) {
          case BACKWARD -> from.map(f -> visible.headMap(f, false)).orElse(visible).descendingMap();
          case FORWARD ->
              beyondHead
                  ? Collections.emptyNavigableMap()
                  : from.map(f -> visible.tailMap(f, false)).orElse(visible);
        };
    Instant now = clock.instant();
    List<Event> out = new ArrayList<>(Math.min(limit, 128));
    for (Event e : page.values()) {
      if (out.size() == limit) break;
      if (!e.isExpiredAt(now)) out.add(e);
    }
    return out;
  }

  @Override
  public List<Event> readMessagesSince(RoomId room, Instant from, int limit) {
    RoomStream stream = rooms.get(room);
    if (stream == null) return List.of();
    long snapshot = head;
    Instant now = clock.instant();
    List<Event> edited = new ArrayList<>();
    for (Event e : stream.editedByTime.tailMap(new TimeKey(from, Long.MIN_VALUE), true).values()) {
      if (edited.size() == limit) break;
      if (e.originTs().isBefore(from) && e.id().position() <= snapshot && !e.isExpiredAt(now))
        edited.add(e);
    }
    // edited messages created before `from` sort before every message created since
    edited.sort(Comparator.comparing(Event::originTs).thenComparing(Event::id));
    List<Event> out = new ArrayList<>(edited.subList(0, Math.min(limit, edited.size())));
    for (Event e :
        stream.messagesByTime.tailMap(new TimeKey(from, Long.MIN_VALUE), true).values()) {
      if (out.size() == limit) break;
      if (e.id().position() <= snapshot && !e.isExpiredAt(now)) out.add(e);
    }
    return out;
  }

  @Override
  public Optional<Event> find(EventId id) {
    if (id.position() > head) return Optional.empty();
    Instant now = clock.instant();
    return Optional.ofNullable(byPosition.get(id.position())).filter(e -> !e.isExpiredAt(now));
  }

  @Override
  public long countMessagesAfter(RoomId room, EventId after, AccountId excludedSender, long cap) {
    RoomStream stream = rooms.get(room);
    long snapshot = head;
    if (stream == null || after.position() >= snapshot) return 0;
    long count = 0;
    for (Event e : stream.messages.subMap(after.position(), false, snapshot, true).values()) {
      if (!e.sender().equals(excludedSender) && ++count >= cap) break;
    }
    return count;
  }

  @Override
  public long purgeExpired(Instant now) {
    long purged = 0;
    for (Event e : expiring.values()) {
      if (!e.isExpiredAt(now)) continue;
      synchronized (changeLock) {
        long position = e.id().position();
        Event current = byPosition.get(position);
        if (current == null || !current.isExpiredAt(now))
          continue; // deleted, or an edit moved its expiry
        RoomStream stream = rooms.get(current.room());
        if (stream != null) {
          if (current.isMessage()) stream.removeMessage(current);
          else stream.all.remove(position);
        }
        byPosition.remove(position);
        current.txnId().ifPresent(t -> byTxn.remove(new TxnKey(current.sender(), t), current));
        if (expiring.remove(position) != null) purged++;
      }
    }
    return purged;
  }

  /** Scans every room's messages, newest first (admin listings are rare and paged). */
  @Override
  public List<Event> findMessages(MessageFilter filter, int offset, int limit) {
    return matching(filter).skip(offset).limit(limit).toList();
  }

  @Override
  public long countMessages(MessageFilter filter) {
    return matching(filter).count();
  }

  private Stream<Event> matching(MessageFilter filter) {
    long snapshot = head;
    Instant now = clock.instant();
    Stream<RoomStream> streams =
        filter
            .room()
            .map(r -> Stream.ofNullable(rooms.get(r)))
            .orElseGet(() -> rooms.values().stream());
    return streams
        .flatMap(s -> s.messages.headMap(snapshot, true).values().stream())
        .filter(e -> !e.isExpiredAt(now) && filter.matches(e))
        .sorted(Comparator.comparing(Event::id).reversed());
  }

  @Override
  public Optional<Event> deleteMessage(EventId id) {
    synchronized (changeLock) {
      Event e = byPosition.get(id.position());
      if (e == null || !e.isMessage()) return Optional.empty();
      RoomStream stream = rooms.get(e.room());
      if (stream == null || !stream.removeMessage(e)) return Optional.empty();
      forget(e);
      return Optional.of(e);
    }
  }

  /** Drops a removed message from the log-wide indexes. */
  private void forget(Event e) {
    long position = e.id().position();
    byPosition.remove(position);
    expiring.remove(position);
    e.txnId().ifPresent(t -> byTxn.remove(new TxnKey(e.sender(), t), e));
  }

  @Override
  public Optional<Event> editMessage(
      EventId id,
      EventContent.Message content,
      Optional<Instant> expiresAt,
      Instant at,
      AccountId editor) {
    synchronized (changeLock) {
      long position = id.position();
      Event old = byPosition.get(position);
      if (old == null || !old.isMessage()) return Optional.empty();
      RoomStream stream = rooms.get(old.room());
      if (stream == null || !stream.messages.containsKey(position)) return Optional.empty();
      Event edited = old.edited(content, expiresAt, at, editor);
      byPosition.put(position, edited);
      stream.all.put(position, edited);
      stream.messages.put(position, edited);
      stream.messagesByTime.put(new TimeKey(edited.originTs(), position), edited);
      old.updatedAt().ifPresent(u -> stream.editedByTime.remove(new TimeKey(u, position)));
      stream.editedByTime.put(new TimeKey(at, position), edited);
      old.txnId().ifPresent(t -> byTxn.put(new TxnKey(old.sender(), t), edited));
      if (expiresAt.isPresent()) expiring.put(position, edited);
      else expiring.remove(position);
      return Optional.of(edited);
    }
  }

  @Override
  public int deleteMessages(RoomId room, EventId upTo, int limit) {
    RoomStream stream = rooms.get(room);
    if (stream == null || limit <= 0) return 0;
    int deleted = 0;
    for (Event e : stream.messages.headMap(upTo.position(), true).values()) {
      if (deleted == limit) break;
      synchronized (changeLock) {
        Event current = byPosition.get(e.id().position());
        if (current == null || !stream.removeMessage(current))
          continue; // a concurrent purge took it
        forget(current);
        deleted++;
      }
    }
    return deleted;
  }
}
