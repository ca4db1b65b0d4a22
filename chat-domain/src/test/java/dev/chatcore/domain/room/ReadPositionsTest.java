package dev.chatcore.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.id.EventId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPositionsTest {
  @Test
  void countsReceiptsAtOrAfterAnyPosition() {
    ReadPositions positions = ReadPositions.of(List.of(new EventId(9), new EventId(3), new EventId(9), new EventId(5)));
    assertEquals(4, positions.size());
    assertEquals(4, positions.countAtOrAfter(new EventId(1)));
    assertEquals(4, positions.countAtOrAfter(new EventId(3)));
    assertEquals(3, positions.countAtOrAfter(new EventId(4)));
    assertEquals(2, positions.countAtOrAfter(new EventId(9)));
    assertEquals(0, positions.countAtOrAfter(new EventId(10)));
    assertEquals(0, ReadPositions.of(List.of()).countAtOrAfter(EventId.ORIGIN));
  }
}
