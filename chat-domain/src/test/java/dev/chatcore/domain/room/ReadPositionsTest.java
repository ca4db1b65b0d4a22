package dev.chatcore.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.id.EventId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReadPositionsTest {
  @Test
  void countsReceiptsAtOrAfterAnyPosition() {
    ReadPositions positions = of(9, 3, 9, 5);
    assertEquals(4, positions.size());
    assertEquals(4, positions.countAtOrAfter(new EventId(1)));
    assertEquals(4, positions.countAtOrAfter(new EventId(3)));
    assertEquals(3, positions.countAtOrAfter(new EventId(4)));
    assertEquals(2, positions.countAtOrAfter(new EventId(9)));
    assertEquals(0, positions.countAtOrAfter(new EventId(10)));
  }

  @Test
  void noReceiptsCountNothingEvenFromTheOrigin() {
    ReadPositions none = ReadPositions.of(List.of());
    assertEquals(0, none.size());
    assertEquals(0, none.countAtOrAfter(EventId.ORIGIN));
    assertEquals(0, none.countAtOrAfter(new EventId(Long.MAX_VALUE)));
  }

  @Test
  void oneReceiptCountsForItsOwnPositionAndEveryEarlierOne() {
    ReadPositions one = of(7);
    assertEquals(1, one.countAtOrAfter(EventId.ORIGIN));
    assertEquals(1, one.countAtOrAfter(new EventId(6)));
    assertEquals(1, one.countAtOrAfter(new EventId(7)), "a reader at the message has read it");
    assertEquals(0, one.countAtOrAfter(new EventId(8)));
  }

  @Test
  void receiptsAtTheSamePositionAreEachCounted() {
    ReadPositions same = of(4, 4, 4);
    assertEquals(3, same.size());
    assertEquals(3, same.countAtOrAfter(new EventId(4)));
    assertEquals(0, same.countAtOrAfter(new EventId(5)));
  }

  @Test
  void theOrderOfTheReceiptsDoesNotMatter() {
    long[] ascending =
        LongStream.rangeClosed(1, 50).map(p -> p * 2).toArray(); // even positions 2..100
    ReadPositions sorted = of(ascending);
    ReadPositions reversed = of(LongStream.of(ascending).map(p -> 102 - p).toArray());
    for (long p = 0; p <= 101; p++) {
      EventId event = new EventId(p);
      long expected = LongStream.of(ascending).filter(r -> r >= event.position()).count();
      assertEquals(expected, sorted.countAtOrAfter(event), "at " + p);
      assertEquals(expected, reversed.countAtOrAfter(event), "reversed, at " + p);
    }
  }

  @Test
  void theLargestPositionIsCounted() {
    ReadPositions far = of(1, Long.MAX_VALUE);
    assertEquals(1, far.countAtOrAfter(new EventId(Long.MAX_VALUE)));
    assertEquals(1, far.countAtOrAfter(new EventId(Long.MAX_VALUE - 1)));
  }

  @Test
  void laterChangesToTheSourceListAreNotSeen() {
    List<EventId> receipts = new ArrayList<>(List.of(new EventId(2), new EventId(8)));
    ReadPositions positions = ReadPositions.of(receipts);
    receipts.add(new EventId(9));
    receipts.set(0, new EventId(10));
    assertEquals(2, positions.size());
    assertEquals(2, positions.countAtOrAfter(new EventId(2)));
    assertEquals(1, positions.countAtOrAfter(new EventId(3)));
  }

  private static ReadPositions of(long... positions) {
    return ReadPositions.of(Arrays.stream(positions).mapToObj(EventId::new).toList());
  }
}
