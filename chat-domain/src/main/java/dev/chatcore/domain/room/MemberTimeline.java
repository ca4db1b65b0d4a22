package dev.chatcore.domain.room;

import dev.chatcore.domain.id.EventId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an account stood in one room along the event stream: whether it was a member before the
 * first change kept here, and each change at the stream position of its {@code m.member} event.
 * Membership at a position is therefore a function of that position alone, never of when the
 * question is asked: this is what lets a sync deliver exactly the events an account is entitled to
 * whatever membership changes run beside it.
 *
 * <p>Changes are kept in stream order whatever order they were stored in (two nodes may store two
 * changes of one account the other way round), so merging is order-independent. Only the newest
 * {@link #MAX_CHANGES} are kept; an older one folds into {@link #memberBefore}, so a cursor older
 * than that many changes of one room is judged by the state after the oldest kept change's
 * predecessor, which is exact, just not remembered per position.
 *
 * @param memberBefore membership before the first kept change
 * @param changes membership from each change on, ascending by position, one per position
 */
public record MemberTimeline(boolean memberBefore, List<Change> changes) {
  /** How many changes a timeline keeps. */
  public static final int MAX_CHANGES = 32;

  /** From {@code at} on (the change's own event included), the account is a member or not. */
  public record Change(EventId at, boolean member) {
    public Change {
      Objects.requireNonNull(at, "at");
    }
  }

  public MemberTimeline {
    changes = List.copyOf(changes);
    for (int i = 1; i < changes.size(); i++) {
      if (!changes.get(i).at().isAfter(changes.get(i - 1).at())) {
        throw new IllegalArgumentException("changes must ascend by position");
      }
    }
  }

  /** No change recorded yet. */
  public static MemberTimeline startingAs(boolean member) {
    return new MemberTimeline(member, List.of());
  }

  /**
   * This timeline with the change at {@code at}; a change already at that position is replaced, one
   * at {@code replacing} (a position the same change was given before and lost) removed.
   */
  public MemberTimeline with(EventId at, boolean member, Optional<EventId> replacing) {
    List<Change> next = new ArrayList<>(changes.size() + 1);
    for (Change c : changes) {
      if (!c.at().equals(at) && !replacing.filter(c.at()::equals).isPresent()) next.add(c);
    }
    next.add(new Change(at, member));
    next.sort(Comparator.comparing(Change::at));
    boolean before = memberBefore;
    while (next.size() > MAX_CHANGES) before = next.remove(0).member();
    return new MemberTimeline(before, next);
  }

  /** Membership at {@code position}: after the last change at or before it. */
  public boolean memberAt(EventId position) {
    boolean member = memberBefore;
    for (Change c : changes) {
      if (c.at().isAfter(position)) break;
      member = c.member();
    }
    return member;
  }

  /**
   * True when an event at {@code position} is the account's to see: it was a member there or just
   * before (so its own leave, kick or ban reaches it, and its join too).
   */
  public boolean sees(EventId position) {
    return memberAt(position)
        || (position.position() > 0 && memberAt(new EventId(position.position() - 1)));
  }

  /** True when some position after {@code since} may be {@linkplain #sees seen}. */
  public boolean seesAnyAfter(EventId since) {
    if (memberAt(since)) return true;
    for (Change c : changes) {
      if (c.at().isAfter(since)) return true;
    }
    return false;
  }
}
