package dev.chatcore.adapter.memory;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.reaction.ReactionKey;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reactions per room, per message: a {@link MessageReactions} changed only inside the map's atomic
 * {@code compute} of the message's entry, so concurrent identical adds change it once and an
 * emptied key disappears without racing a concurrent add. Reads take no lock. A history page
 * aggregates 100 messages × their keys, so reading is what must be cheap: each message keeps its
 * counts as an immutable snapshot (keys in code point order, one count each), and the viewer's
 * {@code me} flags come from one lookup of the viewer's own keys per message, not a membership test
 * per key. A change costs O(keys of that message), however many accounts reacted.
 */
public final class InMemoryReactionRepository implements ReactionRepository {
  /** Keys in code point order, as the port promises (String's own order is UTF-16 units). */
  private static final Comparator<String> BY_CODE_POINT =
      (a, b) -> {
        for (int i = 0, j = 0; i < a.length() && j < b.length(); ) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) return Integer.compare(ca, cb);
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
      };

  private final Map<RoomId, Map<EventId, MessageReactions>> rooms = new ConcurrentHashMap<>();

  @Override
  public boolean add(RoomId room, EventId message, AccountId account, ReactionKey key) {
    boolean[] added = new boolean[1];
    rooms
        .computeIfAbsent(room, r -> new ConcurrentHashMap<>())
        .compute(
            message,
            (m, current) -> {
              MessageReactions reactions = current == null ? new MessageReactions() : current;
              added[0] = reactions.add(key.value(), account);
              return reactions;
            });
    return added[0];
  }

  @Override
  public boolean remove(RoomId room, EventId message, AccountId account, ReactionKey key) {
    Map<EventId, MessageReactions> ofRoom = rooms.get(room);
    if (ofRoom == null) return false;
    boolean[] removed = new boolean[1];
    ofRoom.computeIfPresent(
        message,
        (m, reactions) -> {
          removed[0] = reactions.remove(key.value(), account);
          return reactions.isEmpty() ? null : reactions;
        });
    return removed[0];
  }

  @Override
  public Map<EventId, List<ReactionCount>> aggregates(
      RoomId room, Set<EventId> messages, AccountId viewer) {
    Map<EventId, MessageReactions> ofRoom = rooms.get(room);
    if (ofRoom == null) return Map.of();
    Map<EventId, List<ReactionCount>> out = new HashMap<>();
    for (EventId message : messages) {
      MessageReactions reactions = ofRoom.get(message);
      if (reactions != null) out.put(message, reactions.counts(viewer));
    }
    return out;
  }

  @Override
  public void deleteRoom(RoomId room) {
    rooms.remove(room);
  }

  /**
   * One message's reactions. {@link #add} and {@link #remove} run only inside the owning map's
   * {@code compute} for this message (one writer at a time); {@link #counts} runs concurrently with
   * them and sees a consistent snapshot of the counts.
   */
  private static final class MessageReactions {
    /** Who reacted with what: the source of truth; each value an immutable set of keys. */
    private final Map<AccountId, Set<String>> byAccount = new ConcurrentHashMap<>();

    private volatile Counts counts = Counts.NONE;

    boolean isEmpty() {
      return byAccount.isEmpty();
    }

    boolean add(String key, AccountId account) {
      Set<String> mine = byAccount.getOrDefault(account, Set.of());
      if (mine.contains(key)) return false;
      counts = counts.plus(key, 1);
      byAccount.put(account, with(mine, key));
      return true;
    }

    boolean remove(String key, AccountId account) {
      Set<String> mine = byAccount.getOrDefault(account, Set.of());
      if (!mine.contains(key)) return false;
      if (mine.size() == 1) byAccount.remove(account);
      else byAccount.put(account, without(mine, key));
      counts = counts.plus(key, -1);
      return true;
    }

    List<ReactionCount> counts(AccountId viewer) {
      Counts snapshot = counts;
      Set<String> mine = byAccount.getOrDefault(viewer, Set.of());
      ReactionCount[] out = new ReactionCount[snapshot.keys.length];
      for (int i = 0; i < out.length; i++) {
        out[i] =
            new ReactionCount(
                snapshot.keys[i], snapshot.counts[i], mine.contains(snapshot.keys[i]));
      }
      return List.of(out);
    }

    private static Set<String> with(Set<String> set, String key) {
      String[] keys = set.toArray(new String[set.size() + 1]);
      keys[set.size()] = key;
      return Set.of(keys);
    }

    private static Set<String> without(Set<String> set, String key) {
      return Set.of(set.stream().filter(k -> !k.equals(key)).toArray(String[]::new));
    }
  }

  /** Immutable: {@code keys} in code point order, each with its count (at least 1). */
  private record Counts(String[] keys, long[] counts) {
    static final Counts NONE = new Counts(new String[0], new long[0]);

    /** These counts with {@code delta} (+1 or -1) applied to {@code key}; a key at 0 is dropped. */
    Counts plus(String key, int delta) {
      int at = Arrays.binarySearch(keys, key, BY_CODE_POINT);
      if (at >= 0 && counts[at] + delta > 0) {
        long[] next = counts.clone();
        next[at] += delta;
        return new Counts(keys, next);
      }
      if (at >= 0) { // the last reaction with this key went away
        String[] k = new String[keys.length - 1];
        long[] c = new long[keys.length - 1];
        System.arraycopy(keys, 0, k, 0, at);
        System.arraycopy(counts, 0, c, 0, at);
        System.arraycopy(keys, at + 1, k, at, keys.length - at - 1);
        System.arraycopy(counts, at + 1, c, at, keys.length - at - 1);
        return new Counts(k, c);
      }
      int insert = -at - 1; // a new key (delta is +1 here: a remove only follows an add)
      String[] k = new String[keys.length + 1];
      long[] c = new long[keys.length + 1];
      System.arraycopy(keys, 0, k, 0, insert);
      System.arraycopy(counts, 0, c, 0, insert);
      k[insert] = key;
      c[insert] = delta;
      System.arraycopy(keys, insert, k, insert + 1, keys.length - insert);
      System.arraycopy(counts, insert, c, insert + 1, keys.length - insert);
      return new Counts(k, c);
    }
  }
}
