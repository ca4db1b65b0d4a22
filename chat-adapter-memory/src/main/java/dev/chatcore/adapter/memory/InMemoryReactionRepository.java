package dev.chatcore.adapter.memory;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.reaction.ReactionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reactions per room, per message, per key: the set of accounts. Adds and removes run in the
 * map's atomic {@code compute} of the (message, key) entry, so concurrent duplicates change the
 * set once and an emptied key disappears without racing a concurrent add.
 */
public final class InMemoryReactionRepository implements ReactionRepository {
  private final Map<RoomId, Map<EventId, NavigableMap<String, Set<AccountId>>>> rooms = new ConcurrentHashMap<>();

  /** Keys in code point order, as the port promises (String's own order is UTF-16 units). */
  private static final java.util.Comparator<String> BY_CODE_POINT = (a, b) -> {
    for (int i = 0, j = 0; i < a.length() && j < b.length(); ) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
  };

  private NavigableMap<String, Set<AccountId>> keysOf(RoomId room, EventId message) {
    return rooms.computeIfAbsent(room, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(message, m -> new ConcurrentSkipListMap<>(BY_CODE_POINT));
  }

  @Override
  public boolean add(RoomId room, EventId message, AccountId account, ReactionKey key) {
    boolean[] added = new boolean[1];
    keysOf(room, message).compute(key.value(), (k, accounts) -> {
      Set<AccountId> set = accounts == null ? ConcurrentHashMap.newKeySet() : accounts;
      added[0] = set.add(account);
      return set;
    });
    return added[0];
  }

  @Override
  public boolean remove(RoomId room, EventId message, AccountId account, ReactionKey key) {
    boolean[] removed = new boolean[1];
    keysOf(room, message).computeIfPresent(key.value(), (k, accounts) -> {
      removed[0] = accounts.remove(account);
      return accounts.isEmpty() ? null : accounts;
    });
    return removed[0];
  }

  @Override
  public Map<EventId, List<ReactionCount>> aggregates(RoomId room, Set<EventId> messages, AccountId viewer) {
    Map<EventId, NavigableMap<String, Set<AccountId>>> ofRoom = rooms.get(room);
    Map<EventId, List<ReactionCount>> out = new HashMap<>();
    if (ofRoom == null) return out;
    for (EventId message : messages) {
      NavigableMap<String, Set<AccountId>> keys = ofRoom.get(message);
      if (keys == null) continue;
      List<ReactionCount> counts = new ArrayList<>();
      keys.forEach((key, accounts) -> {
        int n = accounts.size();
        if (n > 0) counts.add(new ReactionCount(key, n, accounts.contains(viewer)));
      });
      if (!counts.isEmpty()) out.put(message, List.copyOf(counts));
    }
    return out;
  }

  @Override
  public void deleteRoom(RoomId room) {
    rooms.remove(room);
  }
}
