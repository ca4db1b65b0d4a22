package dev.chatcore.domain.room;

import dev.chatcore.domain.id.EventId;
import java.util.Arrays;
import java.util.List;

/**
 * The read receipts of one room at or after some position, as sorted stream positions (one per
 * account). Answers "how many accounts have read up to this message or later" by binary search, so
 * a history page computes every {@code read_by} from one store read.
 */
public final class ReadPositions {
  private final long[] sorted;

  private ReadPositions(long[] sorted) {
    this.sorted = sorted;
  }

  /** From receipt positions in any order. */
  public static ReadPositions of(List<EventId> receipts) {
    long[] positions = new long[receipts.size()];
    for (int i = 0; i < positions.length; i++) positions[i] = receipts.get(i).position();
    Arrays.sort(positions);
    return new ReadPositions(positions);
  }

  /** Number of receipts at or after {@code event}. */
  public long countAtOrAfter(EventId event) {
    int low = 0;
    int high = sorted.length;
    while (low < high) { // first index whose position >= event
      int mid = (low + high) >>> 1;
      if (sorted[mid] < event.position()) low = mid + 1;
      else high = mid;
    }
    return sorted.length - low;
  }

  /** Number of receipts held. */
  public int size() {
    return sorted.length;
  }
}
